/**
 * Relations: every query here is one round trip. Aggregates come from the one relationship per
 * (source, type, target) (recounted from its claims only under an evidence filter); evidence is
 * read only where a query needs it, otherwise loaded for a whole response by
 * `findEvidenceOfRelations` (one query for every relation of a response level).
 */
import {
  COLLECTIVE_SOURCE_TYPES,
  STATEMENT_SOURCE_TYPES,
  cypherRelationshipType,
  type RelationType,
} from '../domain/vocabulary.ts';
import {
  EVIDENCE_ORDER,
  canonicalId,
  evidenceOf,
  evidenceParams,
  evidenceWhere,
  matchRelationByKey,
  relationAggregates,
  relationPasses,
  relationRow,
  relationRows,
  type EvidenceFilter,
  type RelationScope,
} from './claims.cypher.ts';
import { z } from 'zod';
import {
  ACTOR_LABELS,
  ARTICLE,
  CLAIM,
  CLAIMS,
  ENTITY,
  OBJECT,
  SUBJECT,
  entityTypeLabel,
  relationshipType,
} from './labels.cypher.ts';
import { parseRow, parseRows } from './parse-rows.ts';
import { entityProjection, evidenceProjection, toAggregatedRow, toRelationRow } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import {
  EntityRowSchema,
  EvidenceRowSchema,
  RawAggregatedRelationSchema,
  RawRelationSchema,
  RawRelationWithEvidenceSchema,
  type EntityRow,
  type EvidenceRow,
  type RawAggregatedRelation,
  type RelationKey,
  type RelationRow,
} from './rows.ts';

export type RelationWithEvidence = RelationRow & { evidence: EvidenceRow[] };

const AggregatedRelations = z.array(RawAggregatedRelationSchema);
const RelationsWithEvidence = z.array(RawRelationWithEvidenceSchema);

/** What each query returns, record by record. */
const PageRecord = z.object({ totalCount: z.number().nullable(), relations: AggregatedRelations });
const EntityRelationsRecord = z.object({ entityId: z.string(), relations: AggregatedRelations });
const ArticleRelationsRecord = z.object({ articleId: z.string(), relations: RelationsWithEvidence });
const RelationsRecord = z.object({ relations: AggregatedRelations });
const EvidenceListsRecord = z.object({ evidence: z.array(z.array(EvidenceRowSchema)) });
const DyadRecord = z.object({
  aId: z.string(),
  bId: z.string(),
  aFound: z.boolean(),
  bFound: z.boolean(),
  relations: RelationsWithEvidence,
});
const TimelineRecord = z.object({
  scopeId: z.string(),
  found: z.boolean(),
  events: z.array(RawRelationSchema.extend({ evidence: EvidenceRowSchema })),
  relations: AggregatedRelations,
});
const RankingRecord = z.object({
  entity: EntityRowSchema,
  articleCount: z.number(),
  claimCount: z.number(),
  counterpartCount: z.number(),
});

const aggregatedRows = (raws: readonly RawAggregatedRelation[], filter: EvidenceFilter): RelationRow[] =>
  raws.map((raw) => toAggregatedRow(raw, filter));

const ISSUED = relationshipType('ISSUED');
const MEMBER_OF = relationshipType('MEMBER_OF');
const STATEMENT = entityTypeLabel('Statement');
const COLLECTIVE = entityTypeLabel('Collective');

/**
 * The ways a relation of `type` is credited to another source than its own: to each actor
 * that issued a Statement (`s` issued `via`), to each member of a Collective (`s` is one of
 * `via`). Each is a pattern from the credited `s` to the relation's source `via`, and its condition.
 */
function creditings(
  type: RelationType,
  options: { includeStatements: boolean; expandCollectives: boolean },
): Array<{ pattern: string; where: string }> {
  const found: Array<{ pattern: string; where: string }> = [];
  if (options.includeStatements && STATEMENT_SOURCE_TYPES.includes(type)) {
    found.push({ pattern: `(s:${ENTITY})-[:${ISSUED}]->(via:${STATEMENT})`, where: `s:${ACTOR_LABELS}` });
  }
  if (options.expandCollectives && COLLECTIVE_SOURCE_TYPES.includes(type)) {
    found.push({ pattern: `(s:${ENTITY})-[:${MEMBER_OF}]->(via:${ENTITY}&${COLLECTIVE})`, where: 'true' });
  }
  return found;
}

/** Keys travel through Cypher with '' for "not via a statement": part of a sort key, it must compare. */
const toCypherKey = (key: RelationKey) => ({
  type: key.type,
  sourceId: key.sourceId,
  targetId: key.targetId,
  viaId: key.viaId ?? '',
});

export interface RelationSelection {
  source: string | null;
  target: string | null;
  types: readonly RelationType[];
  filter: EvidenceFilter;
  includeStatements: boolean;
  /** Also credit a Collective's relations to each member (viaId: the collective). */
  expandCollectives: boolean;
}

export interface RelationsPage {
  /** Null unless asked for: counting is the one part of a page that reads every match. */
  totalCount: number | null;
  rows: RelationRow[];
  hasNextPage: boolean;
}

export interface PageOptions {
  withTotalCount: boolean;
  /** Read the page's evidence (with its articles) in the same query: the response asks for it. */
  withEvidence?: boolean;
}

/** Aggregates, then (when asked) evidence, then the row with its endpoints, for relationship `r`. */
function pageRows(filter: EvidenceFilter, options: PageOptions, clause: 'RETURN' | 'WITH'): string {
  const evidence = options.withEvidence ? evidenceOf(filter, 'r', { withArticles: true }) : '';
  const row = relationRow('type', 'sourceId', 'targetId', 'viaId', 'agg', {
    endpoints: true,
    ...(options.withEvidence && { evidence: 'evidence' }),
  });
  return `${relationAggregates(filter)}
      ${evidence}
      ${clause} collect(${row}) AS relations`;
}

const KEYSET = `(type > $afterType OR (type = $afterType AND (sourceId > $afterSource OR (sourceId = $afterSource AND
  (targetId > $afterTarget OR (targetId = $afterTarget AND viaId > $afterVia))))))`;

/**
 * One page in the stable order (type, source, target, via), after the key `after`.
 *
 * Around one entity (source or target given), its relations are few (one per counterpart and
 * type) and are read whole. Over the whole graph, each type's relationships are walked in the
 * order of their `key` index from the cursor on, and the walk stops at the page size.
 */
export async function findRelationsPage(
  runner: QueryRunner,
  selection: RelationSelection,
  first: number,
  after: RelationKey | null,
  options: PageOptions,
): Promise<RelationsPage> {
  const scoped = selection.source !== null || selection.target !== null;
  const cypher = scoped ? scopedPageCypher(selection, after, options) : graphPageCypher(selection, after, options);
  const [record] = await runner.read(cypher, {
    ...evidenceParams(selection.filter),
    source: selection.source,
    target: selection.target,
    limit: integer(first + 1),
    afterType: after?.type ?? null,
    afterSource: after?.sourceId ?? null,
    afterTarget: after?.targetId ?? null,
    afterVia: after ? (after.viaId ?? '') : null,
    afterKey: after ? `${after.sourceId} ${after.targetId}` : null,
  });
  const row = parseRow(PageRecord, record, 'relations page');
  const rows = aggregatedRows(row.relations, selection.filter);
  return {
    totalCount: options.withTotalCount ? (row.totalCount ?? 0) : null,
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
  };
}

function scopedPageCypher(
  selection: RelationSelection,
  after: RelationKey | null,
  { withTotalCount, ...options }: PageOptions,
): string {
  const scope: RelationScope = {
    via: selection.includeStatements,
    members: selection.expandCollectives,
    ...(selection.source !== null && { source: 'scopeSource' }),
    ...(selection.target !== null && { target: 'scopeTarget' }),
  };
  return `
    ${canonicalId('source', 'scopeSource')}
    ${canonicalId('target', 'scopeTarget')}
    CALL (scopeSource, scopeTarget) {
      ${relationRows([scope], selection.types)}
    }
    WITH type, sourceId, targetId, viaId, r WHERE ${relationPasses(selection.filter)}
    ORDER BY type, sourceId, targetId, viaId
    WITH collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId, r: r}) AS matches
    WITH ${withTotalCount ? 'size(matches)' : 'null'} AS totalCount,
         [m IN matches WHERE ${after ? KEYSET.replaceAll(/\b(type|sourceId|targetId|viaId) /g, 'm.$1 ') : 'true'}][0..$limit] AS page
    CALL (page) {
      UNWIND page AS m
      WITH m.type AS type, m.sourceId AS sourceId, m.targetId AS targetId, m.viaId AS viaId, m.r AS r
      ${pageRows(selection.filter, { withTotalCount, ...options }, 'RETURN')}
    }
    RETURN totalCount, relations`;
}

function graphPageCypher(
  selection: RelationSelection,
  after: RelationKey | null,
  { withTotalCount, ...options }: PageOptions,
): string {
  const types = [...selection.types].sort();
  const passes = relationPasses(selection.filter);
  const branches: string[] = [];
  const counts: string[] = [];
  for (const type of types) {
    if (after && type < after.type) continue;
    const relationshipType = cypherRelationshipType(type);
    // The index on `key` gives the order; the range predicate lets the planner seek it.
    const from = after && type === after.type ? 'r.key > $afterKey' : "r.key >= ''";
    branches.push(`MATCH (s:${ENTITY})-[r:${relationshipType}]->(t:${ENTITY})
      WHERE ${from} AND ${passes}
      WITH s, r, t ORDER BY r.key LIMIT $limit
      RETURN '${relationshipType}' AS type, s.id AS sourceId, t.id AS targetId, '' AS viaId, r`);
    for (const crediting of creditings(type, selection)) {
      // Crediting statements to their issuers (collectives to their members) has no index
      // order: bounded by the statements' (collectives') relations of this type.
      branches.push(`MATCH ${crediting.pattern}-[r:${relationshipType}]->(t:${ENTITY})
      WHERE ${crediting.where} AND ${passes}
      WITH '${relationshipType}' AS type, s.id AS sourceId, t.id AS targetId, via.id AS viaId, r
      WHERE ${after ? KEYSET : 'true'}
      WITH type, sourceId, targetId, viaId, r ORDER BY sourceId, targetId, viaId LIMIT $limit
      RETURN type, sourceId, targetId, viaId, r`);
    }
  }
  for (const type of types) {
    const relationshipType = cypherRelationshipType(type);
    counts.push(`COUNT { MATCH ()-[r:${relationshipType}]->() WHERE ${passes} }`);
    for (const crediting of creditings(type, selection)) {
      counts.push(
        `COUNT { MATCH ${crediting.pattern}-[r:${relationshipType}]->() WHERE ${crediting.where} AND ${passes} }`,
      );
    }
  }
  const totalCount = withTotalCount ? counts.join(' + ') : 'null';
  if (branches.length === 0) return `RETURN ${totalCount} AS totalCount, [] AS relations`;
  return `
    CALL () {
      ${branches.map((branch) => `CALL () { ${branch} } RETURN type, sourceId, targetId, viaId, r`).join('\nUNION ALL\n')}
    }
    WITH type, sourceId, targetId, viaId, r
    WHERE ${after ? KEYSET : 'true'}
    ORDER BY type, sourceId, targetId, viaId
    LIMIT $limit
    ${pageRows(selection.filter, { withTotalCount, ...options }, 'WITH')}
    RETURN ${totalCount} AS totalCount, relations`;
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface EntityRelationsOptions {
  direction: Direction;
  types: readonly RelationType[];
  first: number;
  includeStatements: boolean;
}

/** For each entity id, its relations, best-supported (most articles) first. One query for all ids. */
export async function findRelationsOfEntities(
  runner: QueryRunner,
  ids: readonly string[],
  options: EntityRelationsOptions,
): Promise<Map<string, RelationRow[]>> {
  const via = options.includeStatements;
  const scopes: RelationScope[] = [];
  if (options.direction !== 'IN') scopes.push({ source: 'entityId', via });
  if (options.direction !== 'OUT') scopes.push({ target: 'entityId', via });
  const cypher = `
    UNWIND $ids AS entityId
    CALL (entityId) {
      CALL (entityId) {
        ${relationRows(scopes, options.types)}
      }
      WITH type, sourceId, targetId, viaId, r
      ORDER BY r.articleCount DESC, type, sourceId, targetId, viaId
      LIMIT $first
      ${relationAggregates({})}
      RETURN collect(${relationRow('type', 'sourceId', 'targetId', 'viaId', 'agg', { endpoints: true })}) AS relations
    }
    RETURN entityId, relations`;
  const records = await runner.read(cypher, { ...evidenceParams({}), ids, first: integer(options.first) });
  const rows = parseRows(EntityRelationsRecord, records, 'relations of entities');
  return new Map(rows.map((row) => [row.entityId, aggregatedRows(row.relations, {})]));
}

/** For each article id, the relations it supports, in the article's order, with its evidence only. */
export async function findRelationsOfArticles(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, RelationWithEvidence[]>> {
  const cypher = `
    UNWIND $ids AS articleId
    CALL (articleId) {
      MATCH (:${ARTICLE} {id: articleId})-[:${CLAIMS}]->(c:${CLAIM})
      // Only claims that make a relation (affirmative ones) have one to belong to.
      WHERE c.relation IS NOT NULL
      WITH c ORDER BY ${EVIDENCE_ORDER('c')}
      WITH c.type AS type, c.sourceId AS sourceId, c.targetId AS targetId, min(c.ordinal) AS firstOrdinal,
           collect(${evidenceProjection('c')}) AS evidence
      ORDER BY firstOrdinal, type, sourceId, targetId
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: '', evidence: evidence}) AS relations
    }
    RETURN articleId, relations`;
  const records = await runner.read(cypher, { ...evidenceParams({}), ids });
  const rows = parseRows(ArticleRelationsRecord, records, 'relations of articles');
  return new Map(rows.map((row) => [row.articleId, row.relations.map((raw) => toRelationRow(raw, {}))]));
}

/** The relations with these keys, in the same order; keys that name nothing are left out. */
export async function findRelationsByKeys(runner: QueryRunner, keys: readonly RelationKey[]): Promise<RelationRow[]> {
  const cypher = `
    UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    CALL (k) {
      ${matchRelationByKey('k')}
      RETURN r
    }
    ${relationAggregates({})}
    WITH i, ${relationRow('k.type', 'k.sourceId', 'k.targetId', 'k.viaId', 'agg', { endpoints: true })} AS relation
    ORDER BY i
    RETURN collect(relation) AS relations`;
  const [record] = await runner.read(cypher, { ...evidenceParams({}), keys: keys.map(toCypherKey) });
  return aggregatedRows(parseRow(RelationsRecord, record, 'relations by keys').relations, {});
}

/**
 * The evidence of each relation (by its key), under `filter`, oldest first: one query for all
 * the relations a response level asks evidence of. Keys that name nothing get none.
 */
export async function findEvidenceOfRelations(
  runner: QueryRunner,
  keys: readonly RelationKey[],
  filter: EvidenceFilter,
): Promise<EvidenceRow[][]> {
  const cypher = `
    UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL CALL (k) {
      ${matchRelationByKey('k')}
      RETURN r
    }
    CALL (r) {
      OPTIONAL MATCH (c:${CLAIM} {relation: type(r) + ' ' + r.key})
      WHERE ${evidenceWhere(filter)}
      WITH c ORDER BY ${EVIDENCE_ORDER('c')}
      RETURN collect(${evidenceProjection('c')}) AS evidence
    }
    WITH i, evidence ORDER BY i
    RETURN collect(evidence) AS evidence`;
  const [record] = await runner.read(cypher, { ...evidenceParams(filter), keys: keys.map(toCypherKey) });
  return parseRow(EvidenceListsRecord, record, 'evidence of relations').evidence;
}

export interface DyadResult {
  aId: string;
  bId: string;
  aFound: boolean;
  bFound: boolean;
  /** Both directions, best-supported first. */
  rows: RelationWithEvidence[];
}

/** Everything between two entities, in both directions (statements they issued included on request). */
export async function findDyad(
  runner: QueryRunner,
  a: string,
  b: string,
  options: { types: readonly RelationType[]; includeStatements: boolean; filter: EvidenceFilter },
): Promise<DyadResult> {
  const via = options.includeStatements;
  const scopes: RelationScope[] = [
    { source: 'aId', target: 'bId', via },
    { source: 'bId', target: 'aId', via },
  ];
  const cypher = `
    ${canonicalId('a', 'aId')}
    ${canonicalId('b', 'bId')}
    CALL (aId, bId) {
      CALL (aId, bId) {
        ${relationRows(scopes, options.types)}
      }
      ${evidenceOf(options.filter)}
      WITH type, sourceId, targetId, viaId, evidence WHERE size(evidence) > 0
      WITH type, sourceId, targetId, viaId, evidence,
           size(COLLECT { UNWIND evidence AS e RETURN DISTINCT e.articleId }) AS articleCount
      ORDER BY articleCount DESC, type, sourceId, targetId, viaId
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId, evidence: evidence}) AS relations
    }
    RETURN aId, bId, EXISTS { MATCH (:${ENTITY} {id: aId}) } AS aFound, EXISTS { MATCH (:${ENTITY} {id: bId}) } AS bFound, relations`;
  const [record] = await runner.read(cypher, { ...evidenceParams(options.filter), a, b });
  const row = parseRow(DyadRecord, record, 'dyad');
  return {
    aId: row.aId,
    bId: row.bId,
    aFound: row.aFound,
    bFound: row.bFound,
    rows: row.relations.map((raw) => toRelationRow(raw, options.filter)),
  };
}

export interface TimelineEventRow {
  key: RelationKey;
  evidence: EvidenceRow;
}

export interface TimelineResult {
  id: string;
  found: boolean;
  /** Oldest first. */
  events: TimelineEventRow[];
  /** The relations the events belong to (aggregates under the same filter). */
  rows: RelationRow[];
}

/**
 * An entity's claims in date order: those it makes (through the statements it issued too, on
 * request) and those made about it. Each claim appears once.
 */
export async function findTimeline(
  runner: QueryRunner,
  id: string,
  options: { types: readonly RelationType[]; includeStatements: boolean; filter: EvidenceFilter; first: number },
): Promise<TimelineResult> {
  // Only claims that make a relation (affirmative ones) are events of a relation.
  const where = `c.type IN $types AND c.relation IS NOT NULL AND ${evidenceWhere(options.filter)}`;
  const viaTypes = options.types.filter((type) => STATEMENT_SOURCE_TYPES.includes(type));
  // Statements are credited on the speaking side only: about the entity, the statement's own
  // claim is the event, not one copy per issuer.
  const parts = [
    `MATCH (:${ENTITY} {id: scopeId})<-[:${SUBJECT}]-(c:${CLAIM}) WHERE ${where}
     RETURN c, c.sourceId AS sourceId, '' AS viaId`,
    `MATCH (:${ENTITY} {id: scopeId})<-[:${OBJECT}]-(c:${CLAIM}) WHERE ${where}
     RETURN c, c.sourceId AS sourceId, '' AS viaId`,
  ];
  if (options.includeStatements && viaTypes.length > 0) {
    parts.push(`MATCH (e:${ENTITY} {id: scopeId})-[:${ISSUED}]->(st:${STATEMENT})<-[:${SUBJECT}]-(c:${CLAIM})
     WHERE e:${ACTOR_LABELS} AND c.type IN $viaTypes AND c.relation IS NOT NULL AND ${evidenceWhere(options.filter)}
     RETURN c, scopeId AS sourceId, st.id AS viaId`);
  }
  const cypher = `
    ${canonicalId('id', 'scopeId')}
    CALL (scopeId) {
      CALL (scopeId) {
        ${parts.join('\nUNION\n')}
      }
      WITH c, sourceId, viaId
      ORDER BY ${EVIDENCE_ORDER('c')}, c.type, sourceId, c.targetId, viaId
      LIMIT $first
      RETURN collect({type: c.type, sourceId: sourceId, targetId: c.targetId, viaId: viaId, evidence: ${evidenceProjection('c')}}) AS events
    }
    CALL (events) {
      UNWIND events AS event
      WITH DISTINCT event.type AS type, event.sourceId AS sourceId, event.targetId AS targetId, event.viaId AS viaId
      CALL (type, sourceId, targetId, viaId) {
        WITH {type: type, sourceId: sourceId, targetId: targetId, viaId: viaId} AS k
        ${matchRelationByKey('k')}
        RETURN r
      }
      ${relationAggregates(options.filter)}
      RETURN collect(${relationRow('type', 'sourceId', 'targetId', 'viaId')}) AS relations
    }
    RETURN scopeId, EXISTS { MATCH (:${ENTITY} {id: scopeId}) } AS found, events, relations`;
  const [record] = await runner.read(cypher, {
    ...evidenceParams(options.filter),
    id,
    types: options.types,
    viaTypes,
    first: integer(options.first),
  });
  const row = parseRow(TimelineRecord, record, 'timeline');
  return {
    id: row.scopeId,
    found: row.found,
    events: row.events.map(({ evidence, ...key }) => ({
      key: { ...key, viaId: key.viaId === '' ? null : key.viaId },
      evidence,
    })),
    rows: aggregatedRows(row.relations, options.filter),
  };
}

export interface RankingRow {
  entity: EntityRow;
  articleCount: number;
  claimCount: number;
  counterpartCount: number;
}

/** Entities ranked by the number of distinct articles with a claim of `type` where they play `role`. */
export async function findRanking(
  runner: QueryRunner,
  options: {
    type: RelationType;
    role: 'SOURCE' | 'TARGET';
    first: number;
    includeStatements: boolean;
    /** Credit a Collective's claims to each member too (the collective keeps its own). */
    expandCollectives: boolean;
    filter: EvidenceFilter;
  },
): Promise<RankingRow[]> {
  const [ranked, counterpart] = options.role === 'SOURCE' ? ['sourceId', 'targetId'] : ['targetId', 'sourceId'];
  const order = 'articleCount DESC, claimCount DESC, counterpartCount DESC, entityId';
  const credited = creditings(options.type, options)
    .map(
      (crediting) => `UNION
        MATCH (via:${ENTITY} {id: c.sourceId})
        MATCH ${crediting.pattern}
        WHERE ${crediting.where}
        RETURN s.id AS sourceId, c.targetId AS targetId`,
    )
    .join('\n');
  // Every claim of the type, read through the claim_relation index by its prefix (the type),
  // and counted once: an aggregation, so no sort holds more than the ranked rows.
  const cypher = `
    MATCH (c:${CLAIM})
    WHERE c.relation STARTS WITH $relationPrefix AND ${evidenceWhere(options.filter)}
    CALL (c) {
      RETURN c.sourceId AS sourceId, c.targetId AS targetId
      ${credited}
    }
    WITH ${ranked} AS entityId, ${counterpart} AS counterpartId, c
    WITH entityId, count(DISTINCT c.articleId) AS articleCount, count(DISTINCT c) AS claimCount,
         count(DISTINCT counterpartId) AS counterpartCount
    ORDER BY ${order}
    LIMIT $first
    MATCH (e:${ENTITY} {id: entityId})
    RETURN ${entityProjection('e')} AS entity, articleCount, claimCount, counterpartCount
    ORDER BY ${order}`;
  const records = await runner.read(cypher, {
    ...evidenceParams(options.filter),
    relationPrefix: `${cypherRelationshipType(options.type)} `,
    first: integer(options.first),
  });
  return parseRows(RankingRecord, records, 'ranking');
}
