/**
 * Plans what loading one article writes (src/domain/write-plan.ts), as plain JSON rows the
 * data layer passes to UNWIND (docs/graph-model.md). No Neo4j types and no Cypher here: the
 * plan is data, and tests can read it.
 */
import { createHash } from 'node:crypto';
import {
  ENTITY_COMMON_PROPS,
  entityTypeProps,
  type EntityInput,
  type ExtractedArticle,
} from '../domain/article.schema.ts';
import { dateBounds } from '../domain/dates.ts';
import {
  isAffirmative,
  modalitiesOf,
  modalityOf,
  type Attribution,
  type SourceReliability,
} from '../domain/evidence-vocabulary.ts';
import type { EntityPropertyValue } from '../domain/graph-properties.ts';
import type { RelationType } from '../domain/vocabulary.ts';
import type { ArticleWritePlan, PlannedClaim, PlannedEntity } from '../domain/write-plan.ts';
import { resolutionNamesOf } from './normalize-name.ts';
import { quoteLocator } from './text-folding.ts';
import { sha256Of } from './validate-article.ts';
import type { Resolution } from './resolve-run.ts';

export type { ArticleWritePlan } from '../domain/write-plan.ts';

function plannedEntity(entity: EntityInput, canonical: (id: string) => string): PlannedEntity {
  const fields = entity as Readonly<Record<string, unknown>>;
  const props: PlannedEntity['props'] = {};
  for (const key of [...ENTITY_COMMON_PROPS, ...entityTypeProps(entity.type)]) {
    const value = fields[key];
    props[key] = isPropertyValue(value) ? value : null;
  }
  const aliases = entity.aliases ?? [];
  return {
    id: canonical(entity.id),
    type: entity.type,
    localId: entity.id,
    name: entity.name,
    aliases,
    normalizedNames: resolutionNamesOf(entity),
    props,
  };
}

const isPropertyValue = (value: unknown): value is Exclude<EntityPropertyValue, null> =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The article's own rating, else its publisher's when this file defines the publisher with one. */
function sourceReliabilityOf(article: ExtractedArticle): SourceReliability | null {
  const { sourceReliability, publisherId } = article.article;
  if (sourceReliability !== undefined) return sourceReliability;
  const publisher = article.entities.find((entity) => entity.id === publisherId);
  return publisher !== undefined && 'sourceReliability' in publisher ? (publisher.sourceReliability ?? null) : null;
}

export function planArticleWrite(
  article: ExtractedArticle,
  resolution: Resolution,
  contentHash: string,
  fileHash: string | null = null,
): ArticleWritePlan {
  const canonical = (id: string) => resolution.canonicalIds.get(id) ?? id;
  const meta = article.article;

  const sourceReliability = sourceReliabilityOf(article);
  const locate = meta.text === undefined ? null : quoteLocator(meta.text);
  const relationsByType: Partial<Record<RelationType, PlannedClaim[]>> = {};
  article.relations.forEach((relation, ordinal) => {
    const effectiveDate = relation.date ?? meta.publishedAt;
    const { start, end } = dateBounds(effectiveDate);
    const attributions: Attribution[] = relation.attributions.map((attribution) => ({
      holder: attribution.holder === undefined ? null : canonical(attribution.holder),
      stance: attribution.stance,
      reportedBy: attribution.reportedBy ?? null,
    }));
    const condition = relation.condition ?? null;
    // The text, when given, is the truth (validation checked the file's offsets agree with it).
    const span =
      relation.quote !== undefined && locate !== null
        ? locate(relation.quote)
        : relation.quoteStart !== undefined && relation.quoteEnd !== undefined
          ? { start: relation.quoteStart, end: relation.quoteEnd }
          : null;
    const rows = (relationsByType[relation.type] ??= []);
    rows.push({
      sourceId: canonical(relation.source),
      targetId: canonical(relation.target),
      ordinal,
      props: {
        quote: relation.quote ?? null,
        modality: modalityOf(attributions),
        modalities: modalitiesOf(attributions),
        confidence: relation.confidence,
        attributedTo: attributions[0]?.holder ?? null,
        date: relation.date ?? null,
        effectiveDate,
        dateStart: start,
        dateEnd: end,
        demand: relation.demand ?? null,
        note: relation.note ?? null,
        polarity: relation.polarity,
        condition,
        hypothetical: relation.hypothetical,
        validFrom: relation.validFrom ?? null,
        validTo: relation.validTo ?? null,
        ended: relation.ended,
        validStart: relation.validFrom === undefined ? start : dateBounds(relation.validFrom).start,
        validEnd: relation.validTo !== undefined ? dateBounds(relation.validTo).end : relation.ended ? end : null,
        credibility: relation.credibility ?? null,
        section: relation.section,
        quoteStart: span?.start ?? null,
        quoteEnd: span?.end ?? null,
        sourceReliability,
        affirmative: isAffirmative({ ...relation, condition, attributions }),
      },
      attributions: attributions.map(({ holder, stance, reportedBy }, order) => ({
        order,
        holderId: holder,
        stance,
        reportedBy,
      })),
    });
  });

  return {
    article: {
      id: meta.id,
      title: meta.title,
      publishedAt: meta.publishedAt,
      url: meta.url ?? null,
      publisher: meta.publisher ?? null,
      language: meta.language ?? null,
      copyright: meta.copyright ?? null,
      textSha256: meta.textSha256 ?? (meta.text === undefined ? null : sha256Of(meta.text)),
      sourceReliability,
      text: meta.text ?? null,
      publisherId: meta.publisherId === undefined ? null : canonical(meta.publisherId),
      contentHash,
      fileHash,
      entityCount: article.entities.length,
      relationCount: article.relations.length,
    },
    entities: article.entities.map((entity) => plannedEntity(entity, canonical)),
    relationsByType,
    authorIds: [...new Set((meta.authors ?? []).map(canonical))],
    merges: resolution.merges,
    forwardReferences: resolution.forwardReferences,
  };
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * sha256 of the parsed article (defaults applied, read as version 2), so a file that only
 * spells a default out, changes `$schema`, or is rewritten from version 1 as version 2 with
 * the same content counts as unchanged.
 */
export function contentHashOf(article: ExtractedArticle): string {
  const { $schema: _editorHint, formatVersion: _writtenIn, ...content } = article;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
