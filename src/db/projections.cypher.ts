/**
 * Explicit projections: say which properties leave the database, so nothing else leaks
 * (contentHash, normalizedNames, loadedAt stay inside) and every row has the same shape.
 * Each takes the Cypher variable to project; variables are chosen by the code, never by a request.
 */
import { DEFAULT_POLARITY, DEFAULT_SECTION, STANCE_OF_V1_MODALITY } from '../domain/evidence-vocabulary.ts';
import { ARTICLE_PROPERTY_KEYS, CLAIM_PROPERTY_KEYS, ENTITY_PROPERTY_KEYS } from '../domain/graph-properties.ts';
import { DEFAULT_CONFIDENCE, DEFAULT_MODALITY, DERIVED_RELATIONSHIP_TYPES } from '../domain/vocabulary.ts';
import { seenRange } from './evidence-dates.ts';
import { ATTRIBUTED_TO, ENTITY } from './labels.cypher.ts';
import type { EvidenceFilter, EvidenceRow, RawAggregatedRelation, RawRelation, RelationRow } from './rows.ts';

/** A claim's voices (src/domain/vocabulary.ts); the articles' publishers. */
export const { heldBy: HELD_BY, publishedBy: PUBLISHED_BY } = DERIVED_RELATIONSHIP_TYPES;

const properties = (keys: readonly string[]) => keys.map((key) => `.${key}`).join(', ');

export const entityProjection = (v: string): string =>
  `${v} {.id, .type, .name, aliases: coalesce(${v}.aliases, []), ${properties(ENTITY_PROPERTY_KEYS)}}`;

export const articleProjection = (v: string): string => `${v} {${properties(ARTICLE_PROPERTY_KEYS)}}`;

/**
 * Claims written without a property get the format's defaults: those of a v1 claim for the
 * properties format version 2 added (the storage upgrade writes the same values).
 */
const claimDefaults = (v: string): Partial<Record<(typeof CLAIM_PROPERTY_KEYS)[number], string>> => ({
  modality: '$defaultModality',
  confidence: '$defaultConfidence',
  polarity: '$defaultPolarity',
  hypothetical: 'false',
  ended: 'false',
  section: '$defaultSection',
  validStart: `${v}.dateStart`,
  affirmative: `coalesce(${v}.modality, $defaultModality) <> 'denied'`,
});

/** A claim's property with its default: what every filter on it compares. */
export const claimProperty = (v: string, key: (typeof CLAIM_PROPERTY_KEYS)[number]): string => {
  const fallback = claimDefaults(v)[key];
  return fallback ? `coalesce(${v}.${key}, ${fallback})` : `${v}.${key}`;
};

/**
 * The attribution chain of claim `v`, in order, holders projected (null: the article's own
 * voice). A claim written before HELD_BY existed has the one voice its modality and
 * ATTRIBUTED_TO gave it.
 */
const attributionsOf = (v: string): string =>
  `CASE WHEN EXISTS { (${v})-[:${HELD_BY}]->() } THEN COLLECT {
      MATCH (${v})-[h:${HELD_BY}]->(x) WITH h, x ORDER BY h.order
      RETURN {order: h.order, stance: h.stance, reportedBy: h.reportedBy,
              holder: CASE WHEN x:${ENTITY} THEN ${entityProjection('x')} END}
    } ELSE [{order: 0, stance: $stanceOfModality[coalesce(${v}.modality, $defaultModality)], reportedBy: null,
             holder: COLLECT { MATCH (${v})-[:${ATTRIBUTED_TO}]->(x:${ENTITY}) RETURN ${entityProjection('x')} }[0]}] END`;

export const evidenceProjection = (v: string): string =>
  `${v} {id: coalesce(${v}.id, ${v}.articleId + '#' + toString(${v}.ordinal)), .articleId, .ordinal, ` +
  CLAIM_PROPERTY_KEYS.map((key) => (claimDefaults(v)[key] ? `${key}: ${claimProperty(v, key)}` : `.${key}`)).join(
    ', ',
  ) +
  `, attributions: ${attributionsOf(v)}}`;

/** The parameters `evidenceProjection` refers to: the format's defaults, for claims written without them. */
export const projectionParams = {
  defaultModality: DEFAULT_MODALITY,
  defaultConfidence: DEFAULT_CONFIDENCE,
  defaultPolarity: DEFAULT_POLARITY,
  defaultSection: DEFAULT_SECTION,
  stanceOfModality: STANCE_OF_V1_MODALITY,
};

export function toAggregatedRow(raw: RawAggregatedRelation, evidenceFilter: EvidenceFilter): RelationRow {
  return {
    type: raw.type,
    sourceId: raw.sourceId,
    targetId: raw.targetId,
    viaId: raw.viaId === '' ? null : raw.viaId,
    evidenceFilter,
    articleCount: raw.articleCount ?? 0,
    firstSeen: raw.firstSeen ?? null,
    lastSeen: raw.lastSeen ?? null,
    ...(raw.sourceEntity && { sourceEntity: raw.sourceEntity }),
    ...(raw.targetEntity && { targetEntity: raw.targetEntity }),
    ...(raw.evidence && { evidence: raw.evidence }),
  };
}

/** A relation read with its (already filtered, oldest-first) evidence: aggregates computed from it. */
export function toRelationRow(
  raw: RawRelation & { evidence: EvidenceRow[] },
  evidenceFilter: EvidenceFilter,
): RelationRow & { evidence: EvidenceRow[] } {
  const { evidence } = raw;
  const aggregates = { articleCount: new Set(evidence.map((claim) => claim.articleId)).size, ...seenRange(evidence) };
  return { ...toAggregatedRow({ ...raw, ...aggregates }, evidenceFilter), evidence };
}
