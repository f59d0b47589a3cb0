/**
 * Graph traversals over the analyst's vocabulary only (never AUTHORED, MENTIONS, MERGED_INTO),
 * ignoring direction. Bounds in a quantified path cannot be parameters, so they enter the text
 * as integers checked here; the callers (src/graphql) enforce the documented caps.
 */
import { cypherRelationshipAlternation, type RelationType } from '../domain/vocabulary.ts';
import { canonicalId, evidenceParams, relationAggregates, relationRow } from './claims.cypher.ts';
import { entityProjection, toAggregatedRow, type RawAggregatedRelation } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import type { EntityRow, RelationRow } from './rows.ts';

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
    OPTIONAL MATCH (a:Entity {id: fromId})
    OPTIONAL MATCH (b:Entity {id: toId})
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
  const [row] = await runner.read(cypher, { ...evidenceParams({}), from, to });
  return {
    fromFound: row?.fromFound === true,
    toFound: row?.toFound === true,
    path:
      row?.pathFound === true
        ? { nodes: row.nodes as EntityRow[], relations: (row.relations as RawAggregatedRelation[]).map((raw) => toAggregatedRow(raw, {})) }
        : null,
  };
}

/**
 * Level by level from `c`: `entries` ends as every entity reached ({n, d}: node and distance,
 * the smallest). A level is expanded only while fewer than `$maxNodes` entities are reached:
 * the nearest are kept, so farther ones could not make the cut. Each level visits the
 * relationships of the previous level's new entities once (one per counterpart and type), so
 * the work is bounded by the relationships actually crossed, not by the paths through them.
 */
function breadthFirst(types: string, depth: number): string {
  let text = 'WITH c, [{n: c, d: 0}] AS entries, [c] AS frontier';
  for (let level = 1; level <= depth; level += 1) {
    text += `
      CALL (frontier, entries) {
        WITH frontier WHERE size(entries) <= $maxNodes
        UNWIND frontier AS m
        MATCH (m)-[:${types}]-(n:Entity)
        RETURN collect(DISTINCT n) AS next
      }
      CALL (entries, next) {
        UNWIND entries + [x IN next | {n: x, d: ${level}}] AS e
        WITH e.n AS n, min(e.d) AS d
        RETURN collect({n: n, d: d}) AS merged
      }
      WITH c, merged AS entries, [e IN merged WHERE e.d = ${level} | e.n] AS frontier`;
  }
  return text;
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
  const cypher = `
    ${canonicalId('id', 'centerId')}
    OPTIONAL MATCH (c:Entity {id: centerId})
    CALL (c) {
      WITH c WHERE c IS NOT NULL
      ${breadthFirst(types, depth)}
      UNWIND entries AS e
      WITH e.n AS n, e.d AS distance
      ORDER BY distance, n.id
      LIMIT $maxNodes + 1
      RETURN collect({id: n.id, distance: distance}) AS found
    }
    // Only ids cross into the next step: rows a sort buffers carry every variable in scope, and
    // Neo4j counts each copy against the transaction's memory.
    WITH c IS NOT NULL AS centerFound, found[0..$maxNodes] AS reached, size(found) > $maxNodes AS nodesTruncated
    WITH centerFound, reached, nodesTruncated, [x IN reached | x.id] AS keptIds
    CALL (keptIds) {
      UNWIND keptIds AS xId
      MATCH (x:Entity {id: xId})-[r:${types}]->(y:Entity)
      WHERE y.id IN keptIds
      WITH type(r) AS type, x.id AS sourceId, y.id AS targetId, r
      ORDER BY r.articleCount DESC, type, sourceId, targetId
      LIMIT $maxRelations + 1
      ${relationAggregates({})}
      RETURN collect(${relationRow('type', 'sourceId', 'targetId', "''")}) AS found
    }
    CALL (reached) {
      UNWIND reached AS x
      MATCH (n:Entity {id: x.id})
      RETURN collect({entity: ${entityProjection('n')}, distance: x.distance}) AS kept
    }
    WITH centerFound, kept, nodesTruncated, found[0..$maxRelations] AS relations, size(found) > $maxRelations AS relationsTruncated
    RETURN centerFound AS found, kept, nodesTruncated, relationsTruncated, relations`;
  const [row] = await runner.read(cypher, {
    ...evidenceParams({}),
    id,
    maxNodes: integer(options.maxNodes),
    maxRelations: integer(options.maxRelations),
  });
  return {
    found: row?.found === true,
    nodes: ((row?.kept ?? []) as Array<{ entity: EntityRow; distance: number }>).map(({ entity, distance }) => ({
      entity,
      distance: Number(distance),
    })),
    relations: ((row?.relations ?? []) as RawAggregatedRelation[]).map((raw) => toAggregatedRow(raw, {})),
    nodesTruncated: row?.nodesTruncated === true,
    relationsTruncated: row?.relationsTruncated === true,
  };
}
