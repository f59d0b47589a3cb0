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
import type { RelationType } from '../domain/vocabulary.ts';
import type { ArticleWritePlan, PlannedClaim, PlannedEntity } from '../domain/write-plan.ts';
import { normalizedNamesOf } from './normalize-name.ts';
import type { Resolution } from './resolve-run.ts';

export type { ArticleWritePlan } from '../domain/write-plan.ts';

function plannedEntity(entity: EntityInput, canonical: (id: string) => string): PlannedEntity {
  const fields = entity as Readonly<Record<string, unknown>>;
  const props: PlannedEntity['props'] = {};
  for (const key of [...ENTITY_COMMON_PROPS, ...entityTypeProps(entity.type)]) {
    const value = fields[key];
    props[key] = typeof value === 'string' ? value : null;
  }
  const aliases = entity.aliases ?? [];
  return {
    id: canonical(entity.id),
    type: entity.type,
    localId: entity.id,
    name: entity.name,
    aliases,
    normalizedNames: normalizedNamesOf(entity.name, aliases),
    props,
  };
}

export function planArticleWrite(
  article: ExtractedArticle,
  resolution: Resolution,
  contentHash: string,
  fileHash: string | null = null,
): ArticleWritePlan {
  const canonical = (id: string) => resolution.canonicalIds.get(id) ?? id;
  const meta = article.article;

  const relationsByType: Partial<Record<RelationType, PlannedClaim[]>> = {};
  article.relations.forEach((relation, ordinal) => {
    const effectiveDate = relation.date ?? meta.publishedAt;
    const { start, end } = dateBounds(effectiveDate);
    const rows = (relationsByType[relation.type] ??= []);
    rows.push({
      sourceId: canonical(relation.source),
      targetId: canonical(relation.target),
      ordinal,
      props: {
        quote: relation.quote ?? null,
        modality: relation.modality,
        confidence: relation.confidence,
        attributedTo: relation.attributedTo === undefined ? null : canonical(relation.attributedTo),
        date: relation.date ?? null,
        effectiveDate,
        dateStart: start,
        dateEnd: end,
        demand: relation.demand ?? null,
        note: relation.note ?? null,
      },
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
 * sha256 of the parsed article (defaults applied), so a file that only spells a default
 * out, or changes `$schema`, counts as unchanged.
 */
export function contentHashOf(article: ExtractedArticle): string {
  const { $schema: _editorHint, ...content } = article;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
