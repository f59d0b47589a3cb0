/**
 * Cypher building blocks shared by every query that returns aggregated relations.
 *
 * A claim is one vocabulary relationship (one per claim per article). A relation is every
 * claim of one type between the same two entities; with statements included, a claim whose
 * source is a Statement also counts once for each actor that ISSUED that statement (`viaId`).
 *
 * The text built here only ever contains vocabulary names (through the whitelist guards) and
 * variable names chosen by the code; every value travels as a parameter.
 */
import {
  ACTOR_TYPES,
  DERIVED_RELATIONSHIP_TYPES,
  MERGE_LABEL,
  RELATION_TYPES,
  STATEMENT_SOURCE_TYPES,
  cypherLabel,
  cypherRelationshipAlternation,
  type Modality,
  type RelationType,
} from '../domain/vocabulary.ts';
import { evidenceProjection, projectionParams } from './projections.cypher.ts';

/** Which claims count; a relation whose claims are all filtered out does not exist. */
export interface EvidenceFilter {
  minConfidence?: number | null;
  modalities?: readonly Modality[] | null;
  /** `YYYY-MM-DD`: keep claims whose date can fall on or after this day. */
  from?: string | null;
  /** `YYYY-MM-DD`: keep claims whose date can fall on or before this day. */
  to?: string | null;
}

export interface ClaimScope {
  /** A variable of the enclosing query that the source id must equal; absent means any. */
  source?: string;
  target?: string;
  /** Also attribute a Statement's claims to each actor that issued it. */
  via: boolean;
}

const ACTOR_LABELS = ACTOR_TYPES.map(cypherLabel).join('|');
const ISSUED: RelationType = 'ISSUED';

/** A boolean Cypher expression over claim `r`; its parameters come from `evidenceParams`. */
export function evidenceWhere(filter: EvidenceFilter, r = 'r'): string {
  const parts: string[] = [];
  if (filter.minConfidence != null) parts.push(`coalesce(${r}.confidence, $defaultConfidence) >= $evMinConfidence`);
  if (filter.modalities != null) parts.push(`coalesce(${r}.modality, $defaultModality) IN $evModalities`);
  // A claim's date is a range (`2024-09` is 1..30 September): keep it when the range meets the window.
  if (filter.from != null) parts.push(`${r}.dateEnd >= $evFrom`);
  if (filter.to != null) parts.push(`${r}.dateStart <= $evTo`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

export function evidenceParams(filter: EvidenceFilter): Record<string, unknown> {
  return {
    ...projectionParams,
    evMinConfidence: filter.minConfidence ?? null,
    evModalities: filter.modalities ?? null,
    evFrom: filter.from ?? null,
    evTo: filter.to ?? null,
    relationTypes: RELATION_TYPES,
  };
}

const idMatch = (variable: string | undefined) => (variable ? ` {id: ${variable}}` : '');

/**
 * A UNION (to wrap in `CALL (...) { }`) yielding one row per claim and per attribution:
 * `type, sourceId, targetId, viaId ('' when direct), r`.
 */
export function claimRows(scopes: readonly ClaimScope[], types: readonly RelationType[], filter: EvidenceFilter): string {
  if (types.length === 0) throw new Error('claimRows needs at least one relation type');
  const where = evidenceWhere(filter);
  const viaTypes = types.filter((type) => STATEMENT_SOURCE_TYPES.includes(type));
  const parts: string[] = [];
  for (const scope of scopes) {
    parts.push(
      `MATCH (s:Entity${idMatch(scope.source)})-[r:${cypherRelationshipAlternation(types)}]->(t:Entity${idMatch(scope.target)})
       WHERE ${where}
       RETURN type(r) AS type, s.id AS sourceId, t.id AS targetId, '' AS viaId, r`,
    );
    if (scope.via && viaTypes.length > 0) {
      // DISTINCT: an actor is recorded as issuer once per article that says so.
      parts.push(
        `MATCH (s:Entity${idMatch(scope.source)})-[:${ISSUED}]->(st:Statement)-[r:${cypherRelationshipAlternation(viaTypes)}]->(t:Entity${idMatch(scope.target)})
         WHERE s:${ACTOR_LABELS} AND ${where}
         RETURN DISTINCT type(r) AS type, s.id AS sourceId, t.id AS targetId, st.id AS viaId, r`,
      );
    }
  }
  // UNION, not UNION ALL: overlapping scopes (a self-loop seen from both ends) count once.
  return parts.join('\nUNION\n');
}

/**
 * `CALL` clause turning list variable `keys` (maps {type, sourceId, targetId, viaId}) into
 * `out`: the same relations, in the same order, each with its filtered evidence, oldest first.
 * Keys whose evidence is all filtered out (or that do not exist) are dropped.
 */
export function evidenceForKeys(keys: string, out: string, filter: EvidenceFilter, options: { articleId?: string } = {}): string {
  const articleCondition = options.articleId ? ` AND r.articleId = ${options.articleId}` : '';
  const imports = options.articleId ? `${keys}, ${options.articleId}` : keys;
  return `CALL (${imports}) {
    UNWIND range(0, size(${keys}) - 1) AS i
    WITH i, ${keys}[i] AS k
    MATCH (s:Entity {id: CASE k.viaId WHEN '' THEN k.sourceId ELSE k.viaId END})-[r]->(t:Entity {id: k.targetId})
    WHERE type(r) = k.type AND type(r) IN $relationTypes AND ${evidenceWhere(filter)}${articleCondition}
      AND (k.viaId = '' OR EXISTS { MATCH (issuer:Entity {id: k.sourceId})-[:${ISSUED}]->(s) WHERE issuer:${ACTOR_LABELS} })
    WITH i, k, r ORDER BY r.dateStart, r.dateEnd, r.articleId, r.ordinal
    WITH i, k, collect(${evidenceProjection('r')}) AS evidence
    ORDER BY i
    RETURN collect({type: k.type, sourceId: k.sourceId, targetId: k.targetId, viaId: k.viaId, evidence: evidence}) AS ${out}
  }`;
}

/**
 * Follows the merge log: `$param` may name an id that entity resolution folded into another
 * entity; `variable` becomes the canonical id (or the id itself, or null when `$param` is null).
 */
export function canonicalId(param: string, variable: string): string {
  return `OPTIONAL MATCH (:${MERGE_LABEL} {fromId: $${param}})-[:${DERIVED_RELATIONSHIP_TYPES.mergedInto}]->(${variable}Merged:Entity)
  WITH *, coalesce(${variable}Merged.id, $${param}) AS ${variable}`;
}
