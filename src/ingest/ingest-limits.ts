/**
 * Caps on one extracted article, checked before any other work (before zod, before the
 * resolver, before a write), so an oversized document costs a size check, not a Neo4j
 * transaction that runs out of memory half-way. Counts and bytes are operational (what the
 * database and the process can afford) and come from the environment; per-field string
 * lengths are part of the format (article.schema.ts) and published in its JSON Schema.
 */
import { loadConfig, type Config } from '../config.ts';

export interface IngestLimits {
  /** UTF-8 bytes of a file, or of a document sent to the API serialized as JSON. */
  maxBytes: number;
  maxEntities: number;
  maxRelations: number;
  /** Problems listed in a report; the rest are counted ("… and 12,345 more problems"). */
  maxIssuesShown: number;
}

export type IngestLimitSettings = Pick<
  Config,
  'INGEST_MAX_BYTES' | 'INGEST_MAX_ENTITIES' | 'INGEST_MAX_RELATIONS' | 'INGEST_MAX_ISSUES_SHOWN'
>;

export function ingestLimitsOf(config: IngestLimitSettings): IngestLimits {
  return {
    maxBytes: config.INGEST_MAX_BYTES,
    maxEntities: config.INGEST_MAX_ENTITIES,
    maxRelations: config.INGEST_MAX_RELATIONS,
    maxIssuesShown: config.INGEST_MAX_ISSUES_SHOWN,
  };
}

/** The defaults of src/config.ts, for callers without a Config (tests, library use). */
export const DEFAULT_INGEST_LIMITS: IngestLimits = ingestLimitsOf(loadConfig({}));
