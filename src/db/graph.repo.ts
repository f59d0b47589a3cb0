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
      MATCH p = ANY SHORTEST (c)-[:${types}]-{0,${depth}}(n:Entity)
      WITH n, length(p) AS distance
      ORDER BY distance, n.id
      LIMIT $maxNodes + 1
      RETURN collect({entity: ${entityProjection('n')}, distance: distance}) AS found
    }
    WITH c, found[0..$maxNodes] AS kept, size(found) > $maxNodes AS nodesTruncated
    WITH c, kept, nodesTruncated, [x IN kept | x.entity.id] AS keptIds
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
    WITH c, kept, nodesTruncated, found[0..$maxRelations] AS relations, size(found) > $maxRelations AS relationsTruncated
    RETURN c IS NOT NULL AS found, kept, nodesTruncated, relationsTruncated, relations`;
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
