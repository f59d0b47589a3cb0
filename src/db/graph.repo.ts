/**
 * Graph traversals over the analyst's vocabulary only (never AUTHORED, MENTIONS, MERGED_INTO),
 * ignoring direction. Bounds in a quantified path cannot be parameters, so they enter the text
 * as integers checked here; the callers (src/graphql) enforce the documented caps.
 */
import { cypherRelationshipAlternation, type RelationType } from '../domain/vocabulary.ts';
import { canonicalId, evidenceParams, relationAggregates, relationRow } from './claims.cypher.ts';
import { z } from 'zod';
import { ENTITY } from './labels.cypher.ts';
import { parseRow } from './parse-rows.ts';
import { entityProjection, toAggregatedRow } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import { EntityRowSchema, RawAggregatedRelationSchema, type EntityRow, type RelationRow } from './rows.ts';

const PathRecord = z.object({
  fromFound: z.boolean(),
  toFound: z.boolean(),
  pathFound: z.boolean(),
  nodes: z.array(EntityRowSchema).nullable(),
  relations: z.array(RawAggregatedRelationSchema),
});
const ReachedRecord = z.object({
  kept: z.array(z.object({ entity: EntityRowSchema, distance: z.number() })),
  nodesTruncated: z.boolean(),
});
const SubgraphRelationsRecord = z.object({
  relations: z.array(RawAggregatedRelationSchema),
  relationsTruncated: z.boolean(),
});

function boundInteger(value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Expected an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

export interface PathResult {
  fromFound: boolean;
  toFound: boolean;
  /** Null when no path of at most maxHops relations exists. */
  path: { nodes: EntityRow[]; relations: RelationRow[] } | null;
}

/** One shortest path; each hop comes back as the aggregated relation it belongs to. */
export async function findShortestPath(
  runner: QueryRunner,
  from: string,
  to: string,
  options: { maxHops: number; types: readonly RelationType[] },
): Promise<PathResult> {
  const maxHops = boundInteger(options.maxHops, 1, 20);
  const cypher = `
    ${canonicalId('from', 'fromId')}
    ${canonicalId('to', 'toId')}
    OPTIONAL MATCH (a:${ENTITY} {id: fromId})
    OPTIONAL MATCH (b:${ENTITY} {id: toId})
    CALL (a, b) {
      WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
      MATCH p = SHORTEST 1 (a)-[:${cypherRelationshipAlternation(options.types)}]-{0,${maxHops}}(b)
      RETURN collect({
        nodes: [n IN nodes(p) | ${entityProjection('n')}],
        hops: [r IN relationships(p) | ${relationRow('type(r)', 'startNode(r).id', 'endNode(r).id', "''", 'r')}]
      }) AS found
    }
    WITH a, b, found[0] AS path
    WITH a, b, path, coalesce(path.hops, []) AS relations
    RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, path IS NOT NULL AS pathFound, path.nodes AS nodes, relations`;
  const [record] = await runner.read(cypher, { ...evidenceParams({}), from, to });
  const row = parseRow(PathRecord, record, 'shortest path');
  return {
    fromFound: row.fromFound,
    toFound: row.toFound,
    path:
      row.pathFound && row.nodes
        ? { nodes: row.nodes, relations: row.relations.map((raw) => toAggregatedRow(raw, {})) }
        : null,
  };
}

/**
 * Level by level from `c`, ending with one row per reached entity `n` and its `distance`
 * (the smallest), nearest first and at most `$maxNodes + 1`. A level is expanded only while
 * fewer than `$maxNodes` entities are reached: the nearest are kept, so farther ones could not
 * make the cut. Each level visits the relationships of the previous level's new entities once
 * (one per counterpart and type): the work is bounded by the relationships crossed, not by
 * the paths through them.
 *
 * It runs at the top level of the query, not in a subquery: Neo4j counts every row a sort
 * holds with all the variables in scope, and inside a subquery that would include the
 * level lists (a 1,000-article graph: 189 MB for one request, against 0.3 MB here).
 */
function breadthFirst(types: string, depth: number): string {
  let text = `WITH c, CASE WHEN c IS NULL THEN [] ELSE [{n: c, d: 0}] END AS entries,
         CASE WHEN c IS NULL THEN [] ELSE [c] END AS frontier`;
  const expand = `CALL (frontier, entries) {
        WITH frontier WHERE size(entries) <= $maxNodes
        UNWIND frontier AS m
        MATCH (m)-[:${types}]-(n:${ENTITY})
        RETURN collect(DISTINCT n) AS next
      }`;
  for (let level = 1; level < depth; level += 1) {
    text += `
      ${expand}
      CALL (entries, next) {
        UNWIND entries + [x IN next | {n: x, d: ${level}}] AS e
        WITH e.n AS n, min(e.d) AS d
        RETURN collect({n: n, d: d}) AS merged
      }
      WITH merged AS entries, [e IN merged WHERE e.d = ${level} | e.n] AS frontier`;
  }
  text +=
    depth > 0
      ? `\n      ${expand}\n      UNWIND entries + [x IN next | {n: x, d: ${depth}}] AS e`
      : '\n      UNWIND entries AS e';
  return `${text}
      WITH e.n AS n, min(e.d) AS distance
      ORDER BY distance, n.id
      LIMIT $maxNodes + 1`;
}

export interface NeighborhoodResult {
  found: boolean;
  /** Nearest first; the centre is the first node. */
  nodes: Array<{ entity: EntityRow; distance: number }>;
  /** Every aggregated relation among the nodes, best-supported first. */
  relations: RelationRow[];
  nodesTruncated: boolean;
  relationsTruncated: boolean;
}

/**
 * The entities within `depth` relations of the centre, nearest first and at most `maxNodes`,
 * and the relations among them, at most `maxRelations`.
 */
export async function findNeighborhood(
  runner: QueryRunner,
  id: string,
  options: { depth: number; types: readonly RelationType[]; maxNodes: number; maxRelations: number },
): Promise<NeighborhoodResult> {
  const depth = boundInteger(options.depth, 0, 10);
  const types = cypherRelationshipAlternation(options.types);
  const [reachedRecord] = await runner.read(
    `${canonicalId('id', 'centerId')}
    OPTIONAL MATCH (c:${ENTITY} {id: centerId})
    ${breadthFirst(types, depth)}
    WITH collect({entity: ${entityProjection('n')}, distance: distance}) AS found
    RETURN found[0..$maxNodes] AS kept, size(found) > $maxNodes AS nodesTruncated`,
    { id, maxNodes: integer(options.maxNodes) },
  );
  const reached = parseRow(ReachedRecord, reachedRecord, 'neighborhood nodes');
  const kept = reached.kept;
  if (kept.length === 0)
    return { found: false, nodes: [], relations: [], nodesTruncated: false, relationsTruncated: false };
  // A second query: the reached ids are its parameter, so the rows its sort holds carry no
  // list (see breadthFirst); a list in scope there cost 165 MB on a 1,000-article graph.
  const [relationsRecord] = await runner.read(
    `UNWIND $keptIds AS xId
    MATCH (x:${ENTITY} {id: xId})-[r:${types}]->(y:${ENTITY})
    WHERE y.id IN $keptIds
    WITH type(r) AS type, x.id AS sourceId, y.id AS targetId, r
    ORDER BY r.articleCount DESC, type, sourceId, targetId
    LIMIT $maxRelations + 1
    ${relationAggregates({})}
    WITH collect(${relationRow('type', 'sourceId', 'targetId', "''")}) AS found
    RETURN found[0..$maxRelations] AS relations, size(found) > $maxRelations AS relationsTruncated`,
    { keptIds: kept.map(({ entity }) => entity.id), maxRelations: integer(options.maxRelations) },
  );
  const row = parseRow(SubgraphRelationsRecord, relationsRecord, 'neighborhood relations');
  return {
    found: true,
    nodes: kept,
    relations: row.relations.map((raw) => toAggregatedRow(raw, {})),
    nodesTruncated: reached.nodesTruncated,
    relationsTruncated: row.relationsTruncated,
  };
}
