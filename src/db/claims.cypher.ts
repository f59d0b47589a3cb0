/**
 * Cypher building blocks shared by every query that returns relations.
 *
 * A relation is the one vocabulary relationship between two entities (per type), carrying the
 * aggregates of its claims (src/db/relation-aggregates.cypher.ts); each claim is a :Claim node,
 * found by the relation it belongs to through the `claim_relation` index, never by expanding
 * an entity's relationships. With statements included, a Statement's relation also counts once
 * for each actor that ISSUED that statement (`viaId`).
 *
 * The text built here only ever contains vocabulary names (through the whitelist guards) and
 * variable names chosen by the code; every value travels as a parameter.
 */
import {
  COLLECTIVE_SOURCE_TYPES,
  RELATION_TYPES,
  STATEMENT_SOURCE_TYPES,
  cypherRelationshipAlternation,
  type RelationType,
} from '../domain/vocabulary.ts';
import {
  ACTOR_LABELS,
  ARTICLE,
  CLAIM,
  ENTITY,
  MERGE,
  MERGED_INTO,
  entityTypeLabel,
  relationshipType,
} from './labels.cypher.ts';
import {
  articleProjection,
  claimProperty,
  entityProjection,
  evidenceProjection,
  projectionParams,
} from './projections.cypher.ts';
import type { EvidenceFilter } from './rows.ts';

export type { EvidenceFilter } from './rows.ts';

const ISSUED = relationshipType('ISSUED');
const MEMBER_OF = relationshipType('MEMBER_OF');
const STATEMENT = entityTypeLabel('Statement');
const COLLECTIVE = entityTypeLabel('Collective');

export const hasEvidenceFilter = (filter: EvidenceFilter): boolean =>
  filter.minConfidence != null ||
  filter.modalities != null ||
  filter.from != null ||
  filter.to != null ||
  filter.asOf != null;

/** The last day of a span that is still open: later than any date. */
const OPEN_END = '9999-12-31';

/** A boolean Cypher expression over claim `c`; its parameters come from `evidenceParams`. */
export function evidenceWhere(filter: EvidenceFilter, c = 'c'): string {
  const parts: string[] = [];
  if (filter.minConfidence != null) parts.push(`coalesce(${c}.confidence, $defaultConfidence) >= $evMinConfidence`);
  if (filter.modalities != null) parts.push(`coalesce(${c}.modality, $defaultModality) IN $evModalities`);
  // A claim's date is a range (`2024-09` is 1..30 September): keep it when the range meets the window.
  if (filter.from != null) parts.push(`${c}.dateEnd >= $evFrom`);
  if (filter.to != null) parts.push(`${c}.dateStart <= $evTo`);
  // The span the claim holds over meets the as-of date's days.
  if (filter.asOf != null) {
    parts.push(
      `${claimProperty(c, 'validStart')} <= $evAsOfEnd AND coalesce(${c}.validEnd, '${OPEN_END}') >= $evAsOfStart`,
    );
  }
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

export function evidenceParams(filter: EvidenceFilter): Record<string, unknown> {
  return {
    ...projectionParams,
    evMinConfidence: filter.minConfidence ?? null,
    evModalities: filter.modalities ?? null,
    evFrom: filter.from ?? null,
    evTo: filter.to ?? null,
    evAsOfStart: filter.asOf?.start ?? null,
    evAsOfEnd: filter.asOf?.end ?? null,
    relationTypes: RELATION_TYPES,
  };
}

/** The value of `Claim.relation` for the claims behind relationship `r` (a Statement's too). */
export const claimsOf = (r: string): string => `type(${r}) + ' ' + ${r}.key`;

/** The order evidence is listed in: oldest first, then article, then position in the article. */
export const EVIDENCE_ORDER = (c: string) => `${c}.dateStart, ${c}.dateEnd, ${c}.articleId, ${c}.ordinal`;

/** True when relationship `r` has a claim that passes the filter ('true' without a filter). */
export function relationPasses(filter: EvidenceFilter, r = 'r'): string {
  if (!hasEvidenceFilter(filter)) return 'true';
  return `EXISTS { MATCH (c:${CLAIM} {relation: ${claimsOf(r)}}) WHERE ${evidenceWhere(filter)} }`;
}

/**
 * `CALL` yielding `agg` for relationship `r`: its aggregates ({articleCount, firstSeen,
 * lastSeen}); read from the relationship itself unless a filter asks to recount its claims
 * (then null when no claim passes).
 */
export function relationAggregates(filter: EvidenceFilter, r = 'r'): string {
  if (!hasEvidenceFilter(filter)) {
    return `WITH *, {articleCount: ${r}.articleCount, firstSeen: ${r}.firstSeen, lastSeen: ${r}.lastSeen} AS agg`;
  }
  return `CALL (${r}) {
      MATCH (c:${CLAIM} {relation: ${claimsOf(r)}})
      WHERE ${evidenceWhere(filter)}
      WITH c ORDER BY ${EVIDENCE_ORDER('c')}
      WITH count(c) AS claims, count(DISTINCT c.articleId) AS articleCount, max(c.dateEnd) AS lastDate,
           collect({dateEnd: c.dateEnd, seen: c.effectiveDate}) AS listed
      RETURN CASE WHEN claims = 0 THEN null ELSE {
        articleCount: articleCount, firstSeen: listed[0].seen, lastSeen: [x IN listed WHERE x.dateEnd = lastDate][0].seen
      } END AS agg
    }`;
}

/** An entity's projection by id (one index seek), for rows that would otherwise cost a load per request level. */
const entityById = (id: string) => `COLLECT { MATCH (e:${ENTITY} {id: ${id}}) RETURN ${entityProjection('e')} }[0]`;

/**
 * A relation row (src/db/rows.ts) from the variables a query holds; with `endpoints`, its
 * source and target entities come along (the resolvers then need no load for them), with
 * `evidence`, the variable holding its evidence.
 */
export const relationRow = (
  type: string,
  sourceId: string,
  targetId: string,
  viaId: string,
  agg = 'agg',
  options: { endpoints?: boolean; evidence?: string } = {},
) =>
  `{type: ${type}, sourceId: ${sourceId}, targetId: ${targetId}, viaId: ${viaId}, ` +
  `articleCount: ${agg}.articleCount, firstSeen: ${agg}.firstSeen, lastSeen: ${agg}.lastSeen` +
  (options.endpoints ? `, sourceEntity: ${entityById(sourceId)}, targetEntity: ${entityById(targetId)}` : '') +
  (options.evidence ? `, evidence: ${options.evidence}` : '') +
  '}';

export interface RelationScope {
  /** A variable of the enclosing query that the source id must equal; absent means any. */
  source?: string;
  target?: string;
  /** Also credit a Statement's relations to each actor that issued it. */
  via: boolean;
  /** Also credit a Collective's relations to each of its members. */
  members?: boolean;
}

const idMatch = (variable: string | undefined) => (variable ? ` {id: ${variable}}` : '');

/**
 * A UNION (to wrap in `CALL (...) { }`) yielding one row per relation and per crediting:
 * `type, sourceId, targetId, viaId ('' when direct), r` (r: the relationship behind it).
 */
export function relationRows(scopes: readonly RelationScope[], types: readonly RelationType[]): string {
  if (types.length === 0) throw new Error('relationRows needs at least one relation type');
  const viaTypes = types.filter((type) => STATEMENT_SOURCE_TYPES.includes(type));
  const memberTypes = types.filter((type) => COLLECTIVE_SOURCE_TYPES.includes(type));
  const parts: string[] = [];
  for (const scope of scopes) {
    parts.push(
      `MATCH (s:${ENTITY}${idMatch(scope.source)})-[r:${cypherRelationshipAlternation(types)}]->(t:${ENTITY}${idMatch(scope.target)})
       RETURN type(r) AS type, s.id AS sourceId, t.id AS targetId, '' AS viaId, r`,
    );
    if (scope.via && viaTypes.length > 0) {
      parts.push(
        `MATCH (s:${ENTITY}${idMatch(scope.source)})-[:${ISSUED}]->(st:${STATEMENT})-[r:${cypherRelationshipAlternation(viaTypes)}]->(t:${ENTITY}${idMatch(scope.target)})
         WHERE s:${ACTOR_LABELS}
         RETURN type(r) AS type, s.id AS sourceId, t.id AS targetId, st.id AS viaId, r`,
      );
    }
    if (scope.members && memberTypes.length > 0) {
      parts.push(
        `MATCH (s:${ENTITY}${idMatch(scope.source)})-[:${MEMBER_OF}]->(col:${ENTITY}&${COLLECTIVE})-[r:${cypherRelationshipAlternation(memberTypes)}]->(t:${ENTITY}${idMatch(scope.target)})
         RETURN type(r) AS type, s.id AS sourceId, t.id AS targetId, col.id AS viaId, r`,
      );
    }
  }
  // UNION, not UNION ALL: overlapping scopes (a self-loop seen from both ends) count once.
  return parts.join('\nUNION\n');
}

/**
 * `CALL` clause giving `evidence` for relationship `r`: its claims that pass the filter, oldest
 * first, projected. Reads the claims through the `claim_relation` index.
 */
export function evidenceOf(
  filter: EvidenceFilter,
  r = 'r',
  options: { articleId?: string; withArticles?: boolean } = {},
): string {
  const articleCondition = options.articleId ? ` AND c.articleId = ${options.articleId}` : '';
  const imports = options.articleId ? `${r}, ${options.articleId}` : r;
  return `CALL (${imports}) {
      MATCH (c:${CLAIM} {relation: ${claimsOf(r)}})
      WHERE ${evidenceWhere(filter)}${articleCondition}
      WITH c ORDER BY ${EVIDENCE_ORDER('c')}
      RETURN collect(${options.withArticles ? evidenceWithArticle('c') : evidenceProjection('c')}) AS evidence
    }`;
}

/** Evidence with its article's projection (one index seek per claim), so the resolvers need no article load. */
export const evidenceWithArticle = (c: string) =>
  `${evidenceProjection(c).slice(0, -1)}, article: COLLECT { MATCH (a:${ARTICLE} {id: ${c}.articleId}) RETURN ${articleProjection('a')} }[0]}`;

/**
 * `MATCH` of relationship `r` for key map `k` ({type, sourceId, targetId, viaId}): the
 * relationship itself, or for a statement's relation credited to an issuer, the statement's
 * (only when the issuer did issue it), or for a collective's credited to a member, the
 * collective's (only when the member is one of it).
 */
export function matchRelationByKey(k: string): string {
  return `MATCH (:${ENTITY} {id: CASE ${k}.viaId WHEN '' THEN ${k}.sourceId ELSE ${k}.viaId END})-[r]->(:${ENTITY} {id: ${k}.targetId})
    WHERE type(r) = ${k}.type AND type(r) IN $relationTypes
      AND (${k}.viaId = '' OR EXISTS {
        MATCH (issuer:${ENTITY} {id: ${k}.sourceId})-[:${ISSUED}]->(via:${ENTITY} {id: ${k}.viaId})
        WHERE issuer:${ACTOR_LABELS} AND via:${STATEMENT}
      } OR EXISTS {
        MATCH (:${ENTITY} {id: ${k}.sourceId})-[:${MEMBER_OF}]->(via:${ENTITY} {id: ${k}.viaId}) WHERE via:${COLLECTIVE}
      })`;
}

/**
 * Follows the merge log: `$param` may name an id that entity resolution folded into another
 * entity; `variable` becomes the canonical id (or the id itself, or null when `$param` is null).
 */
export function canonicalId(param: string, variable: string): string {
  return `OPTIONAL MATCH (:${MERGE} {fromId: $${param}})-[:${MERGED_INTO}]->(${variable}Merged:${ENTITY})
  WITH *, coalesce(${variable}Merged.id, $${param}) AS ${variable}`;
}
