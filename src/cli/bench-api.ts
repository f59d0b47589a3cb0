import neo4j from 'neo4j-driver';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/driver.ts';
import { createApp } from '../server.ts';

/** Entities of the loaded corpus the requests ask about: the most mentioned, and one of the middle. */
export interface BenchTargets {
  popular: string;
  second: string;
  middle: string;
  /** A word of the popular entity's name, misspelled by one letter. */
  searchText: string;
}

export async function benchTargets(db: Db): Promise<BenchTargets> {
  const { records } = await db.driver.executeQuery(
    `MATCH (n:Entity)<-[:MENTIONS]-(:Article) WHERE n:State OR n:Group
     WITH n, count(*) AS mentions ORDER BY mentions DESC, n.id LIMIT 200
     RETURN collect({id: n.id, name: n.name}) AS ranked`,
    {},
    { database: db.database, routing: neo4j.routing.READ },
  );
  const ranked = (records[0]?.get('ranked') ?? []) as Array<{ id: string; name: string }>;
  const at = (index: number) => ranked[Math.min(index, ranked.length - 1)] ?? { id: 'none', name: 'none' };
  const word = at(0).name.split(' ')[0] ?? 'x';
  return {
    popular: at(0).id,
    second: at(1).id,
    middle: at(Math.floor(ranked.length / 2)).id,
    searchText: `${word.slice(0, -2)}${word.slice(-1)}`,
  };
}

/** Representative requests against the bench corpus. */
export function benchRequests(t: BenchTargets): Record<string, string> {
  return {
    'relations (filter, 50 per page, includeStatements)': `{
    relations(filter: { target: "${t.second}", includeStatements: true }, first: 50) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { type source { name } target { name } articleCount firstSeen lastSeen evidence { quote modality article { title } } } }
    } }`,
    'relations (all, 200 per page)': `{
    relations(first: 200) { totalCount edges { node { type source { id name } target { id name } articleCount } } } }`,
    'entity with relations and articles': `{
    entity(id: "${t.popular}") { name aliases relations(first: 50) { type source { name } target { name } articleCount } articles(first: 20) { title } } }`,
    search: `{ search(query: "${t.searchText}", first: 10) { id name } }`,
    'path (maxHops 4)': `{ path(from: "${t.second}", to: "${t.middle}", maxHops: 4) { length nodes { name } relations { type } } }`,
    'neighborhood (depth 2)': `{ neighborhood(id: "${t.middle}", depth: 2) { nodes { id } relations { type } } }`,
    'ranking (most criticized)': `{ ranking(type: CRITICIZES, role: TARGET, first: 10) { entity { name } articleCount } }`,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function benchApi(db: Db, repetitions: number, targets: BenchTargets): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const { yoga } = createApp({ config, db });
  console.log(
    `\nAPI (in-process yoga.fetch, ${repetitions} requests each; p50 / p95 latency, Cypher queries per request):`,
  );
  let failures = 0;
  for (const [name, query] of Object.entries(benchRequests(targets))) {
    const timings: number[] = [];
    let queries = 0;
    let failure: string | null = null;
    for (let index = 0; index < repetitions && failure === null; index += 1) {
      const started = performance.now();
      const response = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown[]; extensions?: { cypherQueries?: number } };
      timings.push(performance.now() - started);
      // A query class that fails on this corpus is a result too: report it, measure the rest.
      if (body.errors) failure = JSON.stringify(body.errors).slice(0, 300);
      queries = body.extensions?.cypherQueries ?? NaN;
    }
    if (failure !== null) {
      failures += 1;
      console.log(`  ${name.padEnd(52)} FAILED after ${(timings.at(-1) ?? 0).toFixed(0)} ms: ${failure}`);
      continue;
    }
    timings.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(52)} ${percentile(timings, 50).toFixed(1).padStart(7)} ms / ${percentile(timings, 95).toFixed(1).padStart(7)} ms   ${queries} queries`,
    );
  }
  await yoga.dispose();
  if (failures > 0) console.log(`  ${failures} request class${failures === 1 ? '' : 'es'} failed on this corpus.`);
}
