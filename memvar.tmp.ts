import neo4j from 'neo4j-driver';
import { RELATION_TYPES } from './src/domain/vocabulary.ts';
const driver = neo4j.driver('bolt://localhost:17697', neo4j.auth.basic('neo4j', 'bench-password'));
const T = RELATION_TYPES.join('|');
const bfs = `WITH c, [{n: c, d: 0}] AS entries, [c] AS frontier
      CALL (frontier, entries) { WITH frontier WHERE size(entries) <= $maxNodes UNWIND frontier AS m MATCH (m)-[:${T}]-(n:Entity) RETURN collect(DISTINCT n) AS next }
      CALL (entries, next) { UNWIND entries + [x IN next | {n: x, d: 1}] AS e WITH e.n AS n, min(e.d) AS d RETURN collect({n: n, d: d}) AS merged }
      WITH c, merged AS entries, [e IN merged WHERE e.d = 1 | e.n] AS frontier
      CALL (frontier, entries) { WITH frontier WHERE size(entries) <= $maxNodes UNWIND frontier AS m MATCH (m)-[:${T}]-(n:Entity) RETURN collect(DISTINCT n) AS next }
      CALL (entries, next) { UNWIND entries + [x IN next | {n: x, d: 2}] AS e WITH e.n AS n, min(e.d) AS d RETURN collect({n: n, d: d}) AS merged }
      WITH c, merged AS entries`;
const level1 = `CALL (c) { MATCH (c)-[:${T}]-(n:Entity) RETURN collect(DISTINCT n) AS next }`;
const bfsLast = `WITH c, [{n: c, d: 0}] AS entries, [c] AS frontier
      CALL (frontier, entries) { WITH frontier WHERE size(entries) <= $maxNodes UNWIND frontier AS m MATCH (m)-[:${T}]-(n:Entity) RETURN collect(DISTINCT n) AS next }
      CALL (entries, next) { UNWIND entries + [x IN next | {n: x, d: 1}] AS e WITH e.n AS n, min(e.d) AS d RETURN collect({n: n, d: d}) AS merged }
      WITH c, merged AS entries, [e IN merged WHERE e.d = 1 | e.n] AS frontier
      CALL (frontier, entries) { WITH frontier WHERE size(entries) <= $maxNodes UNWIND frontier AS m MATCH (m)-[:${T}]-(n:Entity) RETURN collect(DISTINCT n) AS next }`;
const variants: Record<string, string> = {
  aggSortInCall: `MATCH (c:Entity {id: $id}) CALL (c) { ${bfsLast} CALL (entries, next) { UNWIND entries + [x IN next | {n: x, d: 2}] AS e WITH e.n AS n, min(e.d) AS distance ORDER BY distance, n.id LIMIT $maxNodes + 1 RETURN collect({id: n.id, distance: distance}) AS found } RETURN found } RETURN size(found)`,
  aggSortNoCall: `MATCH (c:Entity {id: $id}) ${bfsLast.replace('WITH c, [{n', 'WITH c, [{n')} UNWIND entries + [x IN next | {n: x, d: 2}] AS e WITH e.n AS n, min(e.d) AS distance ORDER BY distance, n.id LIMIT $maxNodes + 1 RETURN collect({id: n.id, distance: distance}) AS found`,
};
for (const [name, q] of Object.entries(variants)) {
  const t = performance.now();
  const r = await driver.executeQuery('PROFILE ' + q, { id: process.argv[2], maxNodes: neo4j.int(200) });
  console.log(name, (performance.now() - t).toFixed(0), 'ms', 'globalMem', r.summary.profile!.arguments?.GlobalMemory, JSON.stringify(r.records[0]!.toObject()));
}
await driver.close();
