/**
 * Explicit projections: say which properties leave the database, so nothing else leaks
 * (contentHash, normalizedNames, loadedAt stay inside) and every row has the same shape.
 * Each takes the Cypher variable to project; variables are chosen by the code, never by a request.
 */
import { DEFAULT_CONFIDENCE, DEFAULT_MODALITY } from '../domain/vocabulary.ts';
import { seenRange } from './evidence-dates.ts';
import type { EntityRow, EvidenceFilter, EvidenceRow, RelationRow } from './rows.ts';

export const entityProjection = (v: string): string =>
  `${v} {.id, .type, .name, aliases: coalesce(${v}.aliases, []), .description, .wikidata, ` +
  `.iso3, .category, .role, .date, .location, .summary}`;

export const articleProjection = (v: string): string => `${v} {.id, .title, .publishedAt, .url, .publisher, .language}`;

export const evidenceProjection = (v: string): string =>
  `${v} {.articleId, .ordinal, .quote, modality: coalesce(${v}.modality, $defaultModality), ` +
  `confidence: coalesce(${v}.confidence, $defaultConfidence), .attributedTo, .date, .effectiveDate, ` +
  `.dateStart, .dateEnd, .demand, .note}`;

/** The parameters `evidenceProjection` refers to: the format's defaults, for claims written without them. */
export const projectionParams = { defaultModality: DEFAULT_MODALITY, defaultConfidence: DEFAULT_CONFIDENCE };

export interface RawRelation {
  type: RelationRow['type'];
  sourceId: string;
  targetId: string;
  /** '' in Cypher, where it is part of a sort key and a null would not compare. */
  viaId: string;
}

/** A relation whose aggregates Cypher computed (`relationRow` in claims.cypher.ts); evidence loads on demand. */
export interface RawAggregatedRelation extends RawRelation {
  articleCount: unknown;
  firstSeen: string | null;
  lastSeen: string | null;
  sourceEntity?: EntityRow | null;
  targetEntity?: EntityRow | null;
  evidence?: EvidenceRow[];
}

export function toAggregatedRow(raw: RawAggregatedRelation, evidenceFilter: EvidenceFilter): RelationRow {
  return {
    type: raw.type,
    sourceId: raw.sourceId,
    targetId: raw.targetId,
    viaId: raw.viaId === '' ? null : raw.viaId,
    evidenceFilter,
    articleCount: Number(raw.articleCount),
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
