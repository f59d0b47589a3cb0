import { loadConfig } from '../config.ts';
import type { Db } from '../db/driver.ts';
import { createApp } from '../server.ts';

/** Representative requests against the bench corpus (ids `actor-N`, see bench.ts). */
export const BENCH_REQUESTS: Record<string, string> = {
  'relations (filter, 50 per page, includeStatements)': `{
    relations(filter: { target: "actor-1", includeStatements: true }, first: 50) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { type source { name } target { name } articleCount firstSeen lastSeen evidence { quote modality article { title } } } }
    } }`,
  'relations (all, 200 per page)': `{
    relations(first: 200) { totalCount edges { node { type source { id name } target { id name } articleCount } } } }`,
  'entity with relations and articles': `{
    entity(id: "actor-0") { name aliases relations(first: 50) { type source { name } target { name } articleCount } articles(first: 20) { title } } }`,
  'search': `{ search(query: "Actr 12", first: 10) { id name } }`,
  'path (maxHops 4)': `{ path(from: "actor-1", to: "actor-44", maxHops: 4) { length nodes { name } relations { type } } }`,
  'neighborhood (depth 2)': `{ neighborhood(id: "actor-0", depth: 2) { nodes { id } relations { type } } }`,
  'ranking (most criticized)': `{ ranking(type: CRITICIZES, role: TARGET, first: 10) { entity { name } articleCount } }`,
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function benchApi(db: Db, repetitions: number): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const { yoga } = createApp({ config, db });
  console.log(`\nAPI (in-process yoga.fetch, ${repetitions} requests each; p50 / p95 latency, Cypher queries per request):`);
  for (const [name, query] of Object.entries(BENCH_REQUESTS)) {
    const timings: number[] = [];
    let queries = 0;
    for (let index = 0; index < repetitions; index += 1) {
      const started = performance.now();
      const response = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown[]; extensions?: { cypherQueries?: number } };
      timings.push(performance.now() - started);
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      queries = body.extensions?.cypherQueries ?? NaN;
    }
    timings.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(52)} ${percentile(timings, 50).toFixed(1).padStart(7)} ms / ${percentile(timings, 95).toFixed(1).padStart(7)} ms   ${queries} queries`);
  }
  await yoga.dispose();
}
