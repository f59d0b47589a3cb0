/**
 * Explicit projections: say which properties leave the database, so nothing else leaks
 * (contentHash, normalizedNames, loadedAt stay inside) and every row has the same shape.
 * Each takes the Cypher variable to project; variables are chosen by the code, never by a request.
 */
import { ARTICLE_PROPERTY_KEYS, CLAIM_PROPERTY_KEYS, ENTITY_PROPERTY_KEYS } from '../domain/graph-properties.ts';
import { DEFAULT_CONFIDENCE, DEFAULT_MODALITY } from '../domain/vocabulary.ts';
import { seenRange } from './evidence-dates.ts';
import type { EvidenceFilter, EvidenceRow, RawAggregatedRelation, RawRelation, RelationRow } from './rows.ts';

const properties = (keys: readonly string[]) => keys.map((key) => `.${key}`).join(', ');

export const entityProjection = (v: string): string =>
  `${v} {.id, .type, .name, aliases: coalesce(${v}.aliases, []), ${properties(ENTITY_PROPERTY_KEYS)}}`;

export const articleProjection = (v: string): string => `${v} {${properties(ARTICLE_PROPERTY_KEYS)}}`;

/** Claims written without a modality or a confidence get the format's defaults. */
const CLAIM_DEFAULTS: Partial<Record<(typeof CLAIM_PROPERTY_KEYS)[number], string>> = {
  modality: '$defaultModality',
  confidence: '$defaultConfidence',
};

export const evidenceProjection = (v: string): string =>
  `${v} {.articleId, .ordinal, ` +
  CLAIM_PROPERTY_KEYS.map((key) =>
    CLAIM_DEFAULTS[key] ? `${key}: coalesce(${v}.${key}, ${CLAIM_DEFAULTS[key]})` : `.${key}`,
  ).join(', ') +
  '}';

/** The parameters `evidenceProjection` refers to: the format's defaults, for claims written without them. */
export const projectionParams = { defaultModality: DEFAULT_MODALITY, defaultConfidence: DEFAULT_CONFIDENCE };

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
