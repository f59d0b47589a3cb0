import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resetGraph } from '../db/article-writer.ts';
import { createDriver, type Db } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { fileSources, listArticleFiles, seedSources } from '../ingest/seed-run.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../runtime/local-neo4j.ts';
import { loadRuntimeSettings } from '../runtime/runtime-settings.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { benchApi, benchTargets } from './bench-api.ts';

/**
 * `npm run bench`: seeding throughput and memory on a synthetic corpus, then API latency
 * and Cypher round trips per request. Runs on its own Neo4j (bench ports and folder), never
 * on a developer's data. Numbers, not pass/fail: speed goals live here, not in tests.
 */
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '400' },
    requests: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const articleCount = Number(values.articles);
const requestCount = Number(values.requests);

/** Writes the synthetic corpus (src/bench/corpus.ts) as files, one article each. */
function writeCorpus(folder: string, count: number, seed: number): void {
  for (const { file, json } of generateCorpus({ articles: count, seed })) writeFileSync(join(folder, file), JSON.stringify(json));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const settings = loadRuntimeSettings({
    ...process.env,
    NEO4J_BOLT_PORT: process.env.NEO4J_BENCH_BOLT_PORT ?? '17697',
    NEO4J_HTTP_PORT: process.env.NEO4J_BENCH_HTTP_PORT ?? '17484',
    NEO4J_LOCAL_DIR: process.env.NEO4J_BENCH_LOCAL_DIR ?? '.neo4j-bench',
    NEO4J_PASSWORD: 'bench-password',
  });
  const started = await startLocalNeo4j(settings, (line) => console.log(line));
  const driver = createDriver({ NEO4J_URI: started.boltUrl, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: settings.NEO4J_PASSWORD });
  const db: Db = { driver, database: 'neo4j' };
  const folder = mkdtempSync(join(tmpdir(), 'geograph-bench-'));
  try {
    await migrate(db);
    await resetGraph(db);
    writeCorpus(folder, articleCount, Number(values.seed));
    const files = await listArticleFiles([folder]);

    let peakRss = process.memoryUsage().rss;
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const first = await seedSources(fileSources(files), db);
    const second = await seedSources(fileSources(files), db);
    clearInterval(sample);

    console.log(`\nSeeding ${files.length} synthetic articles (${first.relationsWritten} claims, ${first.entitiesCreated} entities):`);
    console.log(`  first run:  ${(first.durationMs / 1000).toFixed(2)} s  (${((files.length / first.durationMs) * 1000).toFixed(1)} articles/s)`);
    console.log(`  second run: ${(second.durationMs / 1000).toFixed(2)} s  (${second.unchanged} unchanged)`);
    console.log(`  peak RSS of the seeding process: ${mb(peakRss)}`);

    await benchApi(db, requestCount, await benchTargets(db));
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await driver.close();
    if (!values.keep && !started.alreadyRunning) await stopLocalNeo4j(settings, () => {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
