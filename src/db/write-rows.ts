/**
 * The rows one write transaction sends, built from the plans of a batch of articles: plain
 * data, every list the same shape whatever the articles hold (Neo4j's plan cache keys on the
 * statement text and on the parameter types), and everything that can be summed before the
 * database sees it already summed (entity names per entity, claim aggregates per relation).
 */
import type { EntityPropertyValue } from '../domain/graph-properties.ts';
import { RELATION_TYPES, type EntityType, type RelationType } from '../domain/vocabulary.ts';
import type { ClaimProps } from '../domain/graph-properties.ts';
import type {
  ArticleWritePlan,
  ForwardReference,
  PlannedAttribution,
  PlannedClaim,
  PlannedEntity,
} from '../domain/write-plan.ts';

export interface ArticleWriteRow {
  id: string;
  /** Position in the batch: with `loadedAt` (one per transaction), the load order. */
  loadIndex: number;
  props: ArticleWritePlan['article'];
}

/** One row per entity of the batch: what the first article (in load order) says, and every name. */
export interface EntityUpsertRow {
  id: string;
  type: EntityType;
  name: string;
  /** Every name the batch's articles use for it besides `name`... and `name` too: the writer drops the entity's own name. */
  names: string[];
  normalizedNames: string[];
  /** Each property: the first non-null value in load order. */
  props: Record<string, EntityPropertyValue>;
}

/** One row per (article, entity id the article used). */
export interface MentionRow {
  articleId: string;
  entityId: string;
  localId: string;
  name: string;
  aliases: string[];
  normalizedNames: string[];
  props: Record<string, EntityPropertyValue>;
}

export interface ClaimRow {
  id: string;
  type: RelationType;
  articleId: string;
  ordinal: number;
  sourceId: string;
  targetId: string;
  /**
   * `"<TYPE> <sourceId> <targetId>"`: the relation the claim is evidence of (indexed); null for
   * a claim that is not affirmative, which no aggregated relationship counts.
   */
  relation: string | null;
  props: ClaimProps;
  /** One HELD_BY each, in order; a null holderId is the article's own voice. */
  heldBy: PlannedAttribution[];
}

/**
 * What a batch adds to one relation: counts to add, and its earliest and latest claim, by the
 * order evidence is listed in (date start, date end, article, ordinal).
 */
export interface RelationDeltaRow {
  type: RelationType;
  sourceId: string;
  targetId: string;
  /** `"<sourceId> <targetId>"`: pages walk the relationship index on it in order. */
  key: string;
  claimCount: number;
  articleCount: number;
  maxConfidence: number;
  modalities: string[];
  firstOrder: string;
  firstDate: string;
  firstSeen: string;
  lastDate: string;
  lastOrder: string;
  lastSeen: string;
}

/** Slugs are `[a-z0-9-]`: a space sorts below every id character, so joined keys sort as tuples. */
export const relationKey = (sourceId: string, targetId: string): string => `${sourceId} ${targetId}`;
export const claimRelation = (type: RelationType, sourceId: string, targetId: string): string =>
  `${type} ${relationKey(sourceId, targetId)}`;
export const claimId = (articleId: string, ordinal: number): string => `${articleId}#${ordinal}`;

/** Sorts like evidence is listed: oldest first, then article, then position in the article. */
export const evidenceOrder = (
  props: Pick<ClaimProps, 'dateStart' | 'dateEnd'>,
  articleId: string,
  ordinal: number,
): string => `${props.dateStart} ${props.dateEnd} ${articleId} ${String(ordinal).padStart(6, '0')}`;

export interface BatchRows {
  articles: ArticleWriteRow[];
  entities: EntityUpsertRow[];
  mentions: MentionRow[];
  forwardReferences: ForwardReference[];
  claims: ClaimRow[];
  relationDeltas: RelationDeltaRow[];
  authorships: Array<{ articleId: string; personId: string }>;
  publishers: Array<{ articleId: string; publisherId: string }>;
  merges: Array<ArticleWritePlan['merges'][number]>;
}

function mergeEntity(rows: Map<string, EntityUpsertRow>, entity: PlannedEntity): void {
  const known = rows.get(entity.id);
  if (!known) {
    rows.set(entity.id, {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      names: [entity.name, ...entity.aliases],
      normalizedNames: [...entity.normalizedNames],
      props: { ...entity.props },
    });
    return;
  }
  known.names.push(entity.name, ...entity.aliases);
  known.normalizedNames.push(...entity.normalizedNames);
  for (const [key, value] of Object.entries(entity.props)) {
    if (known.props[key] == null && value != null) known.props[key] = value;
  }
}

const unique = (values: readonly string[]) => [...new Set(values)].sort();

/** The rows for `plans`, written in this order (the load order). */
export function batchRows(plans: readonly ArticleWritePlan[]): BatchRows {
  const entities = new Map<string, EntityUpsertRow>();
  const deltas = new Map<string, RelationDeltaRow & { articles: Set<string> }>();
  const rows: BatchRows = {
    articles: [],
    entities: [],
    mentions: [],
    forwardReferences: [],
    claims: [],
    relationDeltas: [],
    authorships: [],
    publishers: [],
    merges: [],
  };
  const forwardSeen = new Set<string>();
  plans.forEach((plan, loadIndex) => {
    const articleId = plan.article.id;
    rows.articles.push({ id: articleId, loadIndex, props: plan.article });
    for (const entity of plan.entities) {
      mergeEntity(entities, entity);
      rows.mentions.push({
        articleId,
        entityId: entity.id,
        localId: entity.localId,
        name: entity.name,
        aliases: entity.aliases,
        normalizedNames: entity.normalizedNames,
        props: entity.props,
      });
    }
    for (const reference of plan.forwardReferences) {
      if (forwardSeen.has(reference.id)) continue;
      forwardSeen.add(reference.id);
      rows.forwardReferences.push({ id: reference.id, type: reference.type, name: reference.name });
    }
    for (const type of RELATION_TYPES) {
      for (const relation of plan.relationsByType[type] ?? []) {
        const id = claimId(articleId, relation.ordinal);
        const relationName = claimRelation(type, relation.sourceId, relation.targetId);
        const { affirmative } = relation.props;
        rows.claims.push({
          id,
          type,
          articleId,
          ordinal: relation.ordinal,
          sourceId: relation.sourceId,
          targetId: relation.targetId,
          relation: affirmative ? relationName : null,
          props: relation.props,
          heldBy: relation.attributions,
        });
        if (affirmative) addToDelta(deltas, type, relation, articleId, relationName);
      }
    }
    for (const personId of plan.authorIds) rows.authorships.push({ articleId, personId });
    const { publisherId } = plan.article;
    if (publisherId !== null) rows.publishers.push({ articleId, publisherId });
    rows.merges.push(...plan.merges);
  });
  rows.entities = [...entities.values()].map((entity) => ({
    ...entity,
    names: unique(entity.names),
    normalizedNames: unique(entity.normalizedNames),
  }));
  rows.relationDeltas = [...deltas.values()].map(({ articles: _articles, ...delta }) => delta);
  return rows;
}

function addToDelta(
  deltas: Map<string, RelationDeltaRow & { articles: Set<string> }>,
  type: RelationType,
  relation: PlannedClaim,
  articleId: string,
  relationName: string,
): void {
  const { props } = relation;
  const order = evidenceOrder(props, articleId, relation.ordinal);
  let delta = deltas.get(relationName);
  if (!delta) {
    delta = {
      type,
      sourceId: relation.sourceId,
      targetId: relation.targetId,
      key: relationKey(relation.sourceId, relation.targetId),
      claimCount: 0,
      articleCount: 0,
      maxConfidence: props.confidence,
      modalities: [],
      firstOrder: order,
      firstDate: props.dateStart,
      firstSeen: props.effectiveDate,
      lastDate: props.dateEnd,
      lastOrder: order,
      lastSeen: props.effectiveDate,
      articles: new Set(),
    };
    deltas.set(relationName, delta);
  }
  delta.claimCount += 1;
  if (!delta.articles.has(articleId)) {
    delta.articles.add(articleId);
    delta.articleCount += 1;
  }
  delta.maxConfidence = Math.max(delta.maxConfidence, props.confidence);
  if (!delta.modalities.includes(props.modality)) delta.modalities.push(props.modality);
  if (order < delta.firstOrder) {
    delta.firstOrder = order;
    delta.firstDate = props.dateStart;
    delta.firstSeen = props.effectiveDate;
  }
  // The latest claim is the one ending last; among those ending together, the first listed.
  if (props.dateEnd > delta.lastDate || (props.dateEnd === delta.lastDate && order < delta.lastOrder)) {
    delta.lastDate = props.dateEnd;
    delta.lastOrder = order;
    delta.lastSeen = props.effectiveDate;
  }
}
