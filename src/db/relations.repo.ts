/**
 * Aggregated relations: every query here is one round trip that returns the relations with
 * their evidence already projected, so resolving a page of relations never costs a query per row.
 */
import { RELATION_TYPES, cypherRelationshipAlternation, type RelationType } from '../domain/vocabulary.ts';
import {
  canonicalId,
  claimRows,
  evidenceForKeys,
  evidenceParams,
  type ClaimScope,
  type EvidenceFilter,
} from './claims.cypher.ts';
import { entityProjection, evidenceProjection, toRelationRow, type RawRelation } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import type { EntityRow, EvidenceRow, RelationKey, RelationRow } from './rows.ts';


const toRows = (value: unknown): RelationRow[] => (value as RawRelation[]).map(toRelationRow);

/** Keys travel through Cypher with '' for "not via a statement": part of a sort key, it must compare. */
const toCypherKey = (key: RelationKey) => ({ ...key, viaId: key.viaId ?? '' });

export interface RelationSelection {
  source: string | null;
  target: string | null;
  types: readonly RelationType[];
  filter: EvidenceFilter;
  includeStatements: boolean;
}

export interface RelationsPage {
  totalCount: number;
  rows: RelationRow[];
  hasNextPage: boolean;
}

/**
 * One page in the stable order (type, source, target, via), after the key `after`.
 * The count and the page come from one query; only the page's evidence is read.
 */
export async function findRelationsPage(
  runner: QueryRunner,
  selection: RelationSelection,
  first: number,
  after: RelationKey | null,
): Promise<RelationsPage> {
  const scope: ClaimScope = {
    via: selection.includeStatements,
    ...(selection.source !== null && { source: 'scopeSource' }),
    ...(selection.target !== null && { target: 'scopeTarget' }),
  };
  const keyset = after
    ? `k.type > $afterType OR (k.type = $afterType AND (k.sourceId > $afterSource OR (k.sourceId = $afterSource AND
         (k.targetId > $afterTarget OR (k.targetId = $afterTarget AND k.viaId > $afterVia)))))`
    : 'true';
  const cypher = `
    ${canonicalId('source', 'scopeSource')}
    ${canonicalId('target', 'scopeTarget')}
    CALL (scopeSource, scopeTarget) {
      ${claimRows([scope], selection.types, selection.filter)}
    }
    WITH DISTINCT type, sourceId, targetId, viaId
    ORDER BY type, sourceId, targetId, viaId
    WITH collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId}) AS keys
    WITH size(keys) AS totalCount, [k IN keys WHERE ${keyset}][0..$limit] AS pageKeys
    ${evidenceForKeys('pageKeys', 'relations', selection.filter)}
    RETURN totalCount, relations`;
  const [row] = await runner.read(cypher, {
    ...evidenceParams(selection.filter),
    source: selection.source,
    target: selection.target,
    limit: integer(first + 1),
    afterType: after?.type ?? null,
    afterSource: after?.sourceId ?? null,
    afterTarget: after?.targetId ?? null,
    afterVia: after ? (after.viaId ?? '') : null,
  });
  const rows = toRows(row?.relations ?? []);
  return { totalCount: Number(row?.totalCount ?? 0), rows: rows.slice(0, first), hasNextPage: rows.length > first };
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
  const scopes: ClaimScope[] = [];
  if (options.direction !== 'IN') scopes.push({ source: 'entityId', via });
  if (options.direction !== 'OUT') scopes.push({ target: 'entityId', via });
  const cypher = `
    UNWIND $ids AS entityId
    CALL (entityId) {
      CALL (entityId) {
        ${claimRows(scopes, options.types, {})}
      }
      WITH type, sourceId, targetId, viaId, count(DISTINCT r.articleId) AS articleCount
      ORDER BY articleCount DESC, type, sourceId, targetId, viaId
      LIMIT $first
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId}) AS keys
    }
    ${evidenceForKeys('keys', 'relations', {})}
    RETURN entityId, relations`;
  const records = await runner.read(cypher, { ...evidenceParams({}), ids, first: integer(options.first) });
  return new Map(records.map((record) => [String(record.entityId), toRows(record.relations)]));
}

/** For each article id, the relations it supports, in the article's order, with its evidence only. */
export async function findRelationsOfArticles(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, RelationRow[]>> {
  const cypher = `
    UNWIND $ids AS articleId
    CALL (articleId) {
      MATCH (:Article {id: articleId})-[:MENTIONS]->(s:Entity)-[r:${cypherRelationshipAlternation(RELATION_TYPES)}]->(t:Entity)
      WHERE r.articleId = articleId
      WITH type(r) AS type, s.id AS sourceId, t.id AS targetId, min(r.ordinal) AS firstOrdinal
      ORDER BY firstOrdinal, type, sourceId, targetId
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: ''}) AS keys
    }
    ${evidenceForKeys('keys', 'relations', {}, { articleId: 'articleId' })}
    RETURN articleId, relations`;
  const records = await runner.read(cypher, { ...evidenceParams({}), ids });
  return new Map(records.map((record) => [String(record.articleId), toRows(record.relations)]));
}

/** The relations with these keys, in the same order; keys that name nothing are left out. */
export async function findRelationsByKeys(runner: QueryRunner, keys: readonly RelationKey[]): Promise<RelationRow[]> {
  const cypher = `
    WITH $keys AS keys
    ${evidenceForKeys('keys', 'relations', {})}
    RETURN relations`;
  const [row] = await runner.read(cypher, { ...evidenceParams({}), keys: keys.map(toCypherKey) });
  return toRows(row?.relations ?? []);
}

export interface DyadResult {
  aId: string;
  bId: string;
  aFound: boolean;
  bFound: boolean;
  /** Both directions, best-supported first. */
  rows: RelationRow[];
}

/** Everything between two entities, in both directions (statements they issued included on request). */
export async function findDyad(
  runner: QueryRunner,
  a: string,
  b: string,
  options: { types: readonly RelationType[]; includeStatements: boolean; filter: EvidenceFilter },
): Promise<DyadResult> {
  const via = options.includeStatements;
  const scopes: ClaimScope[] = [
    { source: 'aId', target: 'bId', via },
    { source: 'bId', target: 'aId', via },
  ];
  const cypher = `
    ${canonicalId('a', 'aId')}
    ${canonicalId('b', 'bId')}
    CALL (aId, bId) {
      CALL (aId, bId) {
        ${claimRows(scopes, options.types, options.filter)}
      }
      WITH type, sourceId, targetId, viaId, count(DISTINCT r.articleId) AS articleCount
      ORDER BY articleCount DESC, type, sourceId, targetId, viaId
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId}) AS keys
    }
    ${evidenceForKeys('keys', 'relations', options.filter)}
    RETURN aId, bId, EXISTS { MATCH (:Entity {id: aId}) } AS aFound, EXISTS { MATCH (:Entity {id: bId}) } AS bFound, relations`;
  const [row] = await runner.read(cypher, { ...evidenceParams(options.filter), a, b });
  return {
    aId: String(row?.aId ?? a),
    bId: String(row?.bId ?? b),
    aFound: row?.aFound === true,
    bFound: row?.bFound === true,
    rows: toRows(row?.relations ?? []),
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
  /** The relations the events belong to (all their evidence, under the same filter). */
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
  // Statements are attributed on the speaking side only: about the entity, the statement's own
  // claim is the event, not one copy per issuer.
  const scopes: ClaimScope[] = [
    { source: 'scopeId', via: options.includeStatements },
    { target: 'scopeId', via: false },
  ];
  const cypher = `
    ${canonicalId('id', 'scopeId')}
    CALL (scopeId) {
      CALL (scopeId) {
        ${claimRows(scopes, options.types, options.filter)}
      }
      WITH type, sourceId, targetId, viaId, r
      ORDER BY r.dateStart, r.dateEnd, r.articleId, r.ordinal, type, sourceId, targetId, viaId
      LIMIT $first
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId, evidence: ${evidenceProjection('r')}}) AS events
    }
    CALL (events) {
      UNWIND events AS event
      WITH DISTINCT event.type AS type, event.sourceId AS sourceId, event.targetId AS targetId, event.viaId AS viaId
      RETURN collect({type: type, sourceId: sourceId, targetId: targetId, viaId: viaId}) AS keys
    }
    ${evidenceForKeys('keys', 'relations', options.filter)}
    RETURN scopeId, EXISTS { MATCH (:Entity {id: scopeId}) } AS found, events, relations`;
  const [row] = await runner.read(cypher, { ...evidenceParams(options.filter), id, first: integer(options.first) });
  const events = (row?.events ?? []) as Array<RawRelation & { evidence: EvidenceRow }>;
  return {
    id: String(row?.scopeId ?? id),
    found: row?.found === true,
    events: events.map(({ evidence, ...key }) => ({ key: { ...key, viaId: key.viaId === '' ? null : key.viaId }, evidence })),
    rows: toRows(row?.relations ?? []),
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
    filter: EvidenceFilter;
  },
): Promise<RankingRow[]> {
  const [ranked, counterpart] = options.role === 'SOURCE' ? ['sourceId', 'targetId'] : ['targetId', 'sourceId'];
  const order = 'articleCount DESC, claimCount DESC, counterpartCount DESC, entityId';
  const cypher = `
    CALL () {
      ${claimRows([{ via: options.includeStatements }], [options.type], options.filter)}
    }
    WITH ${ranked} AS entityId, ${counterpart} AS counterpartId, r
    WITH entityId, count(DISTINCT r.articleId) AS articleCount, count(DISTINCT r) AS claimCount,
         count(DISTINCT counterpartId) AS counterpartCount
    ORDER BY ${order}
    LIMIT $first
    MATCH (e:Entity {id: entityId})
    RETURN ${entityProjection('e')} AS entity, articleCount, claimCount, counterpartCount
    ORDER BY ${order}`;
  const records = await runner.read(cypher, { ...evidenceParams(options.filter), first: integer(options.first) });
  return records.map((record) => ({
    entity: record.entity as EntityRow,
    articleCount: Number(record.articleCount),
    claimCount: Number(record.claimCount),
    counterpartCount: Number(record.counterpartCount),
  }));
}
