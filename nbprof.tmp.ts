import neo4j from 'neo4j-driver';
import { findNeighborhood } from './src/db/graph.repo.ts';
import { RELATION_TYPES } from './src/domain/vocabulary.ts';
const driver = neo4j.driver('bolt://localhost:17697', neo4j.auth.basic('neo4j', 'bench-password'));
const runner = { read: async (q: string, p: Record<string, unknown>) => {
  const t = performance.now();
  const r = await driver.executeQuery('PROFILE ' + q, p, { routing: 'READ' });
  const plan: string[] = []; let hits = 0;
  const walk = (x: any, d = 0) => { hits += x.dbHits; plan.push('  '.repeat(d) + x.operatorType + ' rows=' + x.rows + ' hits=' + x.dbHits + ' mem=' + (x.arguments?.Memory ?? '')); x.children.forEach((c: any) => walk(c, d + 1)); };
  walk(r.summary.profile);
  console.log(`dbHits=${hits} ms=${(performance.now() - t).toFixed(0)} globalMem=${r.summary.profile.arguments?.GlobalMemory}`); if (process.env.PLAN) console.log(plan.join('\n'));
  return r.records.map((x) => x.toObject());
} } as any;
const res = await findNeighborhood(runner, process.argv[2]!, { depth: 2, types: RELATION_TYPES, maxNodes: 200, maxRelations: 1000 });
console.log(res.nodes.length, res.relations.length);
await driver.close();
