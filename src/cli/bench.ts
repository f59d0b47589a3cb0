import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { renderChart } from '../bench/chart.ts';
import { BENCH_OPTIONS, benchOptions, UsageError, type Options } from '../bench/options.ts';
import { startNeo4jGraphQLServer, listen, type ComparisonServer } from '../bench/compare/neo4j-graphql-server.ts';
import {
  chooseTargets,
  queryClasses,
  type HttpRequestSpec,
  type QueryClass,
  type Target,
} from '../bench/compare/query-classes.ts';
import { startRawServer } from '../bench/compare/raw-handler.ts';
import { generateCorpus } from '../bench/corpus.ts';
import {
  failed,
  loadClass,
  sampleFailure,
  sendOnce,
  type ClassFigures,
  type LoadSettings,
} from '../bench/http-load.ts';
import { loadModel, loadSimple } from '../bench/raw-loaders.ts';
import {
  renderResults,
  type BenchReport,
  type LoadFigures,
  type MachineInfo,
  type QueryRow,
  type SizeResult,
} from '../bench/results.ts';
import { loadConfig } from '../config.ts';
import { resetGraph } from '../db/article-writer.ts';
import { openDb, type Db } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { fileSources, listArticleFiles, seedSources } from '../ingest/seed-run.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../runtime/local-neo4j.ts';
import { loadRuntimeSettings } from '../runtime/runtime-settings.ts';
import { createApp } from '../server.ts';
import { runCommand, type CommandContext } from './run-command.ts';

/**
 * `npm run bench`: the project against two references on the same synthetic corpus, per
 * corpus size. Seeding: the project's seeder against the fastest plain batched Cypher into
 * the old model (raw simple) and into storage model v2 (raw model). Queries: the project's
 * GraphQL API against an idiomatic @neo4j/graphql server and hand-written Cypher, under
 * autocannon load. Writes bench/RESULTS.md and an SVG chart beside it. Runs on its own Neo4j
 * (bench ports and folder), never on a developer's data. Numbers, not pass/fail.
 */

const log = (line: string) => console.log(line);

/** Runs `work` while sampling the process's RSS every 50 ms; the peak in MiB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMiB: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

async function machineInfo(db: Db): Promise<MachineInfo> {
  const { records } = await db.driver.executeQuery(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
    {},
    { database: db.database, routing: 'READ' },
  );
  const neo4j = records
    .map((record) => `${record.get('name')} ${record.get('version')} ${record.get('edition')}`)
    .join(', ');
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: totalmem() / 1024 ** 3,
    os: `${osType()} ${release()}`,
    node: process.version,
    neo4j,
    loadAverage: loadavg()
      .map((load) => load.toFixed(2))
      .join(', '),
  };
}

/** The request of a class for a target; a deep page is reached by walking its pages from the first. */
async function requestFor(
  queryClass: QueryClass,
  target: Target,
  origin: string,
): Promise<HttpRequestSpec | { failure: string } | undefined> {
  if (!queryClass.paged) return queryClass.requests[target];
  const spec = queryClass.paged.specs[target];
  if (!spec) return undefined;
  let cursor: string | null = null;
  for (let page = 0; page < queryClass.paged.pages; page += 1) {
    const answer = await sendOnce(origin, spec.at(cursor));
    const failure = sampleFailure(answer);
    if (failure) return { failure: `page ${page + 1}: ${failure}` };
    const next = spec.cursorOf(answer.body);
    if (next === null) return { failure: `the corpus has only ${page + 1} pages` };
    cursor = next;
  }
  return spec.at(cursor);
}

async function runClasses(
  target: Target,
  origin: string,
  classes: QueryClass[],
  settings: LoadSettings,
  rows: QueryRow[],
): Promise<void> {
  for (const queryClass of classes) {
    const row = rows.find((candidate) => candidate.name === queryClass.name) as QueryRow;
    const request = await requestFor(queryClass, target, origin);
    if (request === undefined) continue;
    const figures: ClassFigures =
      'failure' in request ? failed(request.failure, null) : await loadClass(origin, request, settings);
    row.figures[target] = figures;
    log(
      `    ${target.padEnd(13)} ${queryClass.name.padEnd(52)} ${
        figures.failure === null
          ? `${figures.reqPerSec.toFixed(1).padStart(7)} req/s  p50 ${figures.p50.toFixed(1).padStart(7)} ms  p99 ${figures.p99.toFixed(1).padStart(7)} ms  ${figures.cypherQueries ?? '?'} queries`
          : `FAILED: ${figures.failure.slice(0, 200)}`
      }`,
    );
  }
}

/** The project's API (as `createApp` builds it, in test mode so responses carry `extensions.cypherQueries`) on a free loopback port. */
async function startProjectServer(db: Db, boltUrl: string, password: string): Promise<ComparisonServer> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    NEO4J_URI: boltUrl,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: db.database,
  });
  const app = createApp({ config, db });
  return listen(createServer(app.yoga), 0, '/graphql', () => app.yoga.dispose());
}

/**
 * Every loader once on a small corpus, untimed, into a graph emptied afterwards: the first
 * timed load then does not pay for a cold JVM and empty caches alone.
 */
async function warmUp(db: Db, seed: number): Promise<void> {
  const corpus = () => generateCorpus({ articles: 20, seed: seed + 1 });
  const folder = mkdtempSync(join(tmpdir(), 'geograph-bench-warm-up-'));
  try {
    for (const { file, json } of corpus()) writeFileSync(join(folder, file), JSON.stringify(json));
    await resetGraph(db);
    await loadSimple(corpus(), db.driver, { database: db.database });
    await resetGraph(db);
    await loadModel(corpus(), db.driver, { database: db.database });
    await resetGraph(db);
    await seedSources(fileSources(await listArticleFiles([folder])), db);
    await resetGraph(db);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const originOf = (server: ComparisonServer) => new URL(server.url).origin;

async function benchSize(
  db: Db,
  articles: number,
  options: Options,
  connection: { boltUrl: string; password: string },
): Promise<SizeResult> {
  const corpus = () => generateCorpus({ articles, seed: options.seed });
  const folder = mkdtempSync(join(tmpdir(), 'geograph-bench-'));
  let claims = 0;
  for (const { file, json } of corpus()) {
    writeFileSync(join(folder, file), JSON.stringify(json));
    claims += (json.relations as unknown[]).length;
  }
  const loads: SizeResult['loads'] = {};
  try {
    log(`\n${articles.toLocaleString('en-US')} articles, ${claims.toLocaleString('en-US')} claims`);
    await resetGraph(db);
    const simple = await withPeakRss(() => loadSimple(corpus(), db.driver, { database: db.database }));
    loads.rawSimple = { ...simple.result, peakRssMiB: simple.peakRssMiB };
    log(`  raw simple:  ${(simple.result.ms / 1000).toFixed(2)} s`);

    await resetGraph(db);
    const model = await withPeakRss(() => loadModel(corpus(), db.driver, { database: db.database }));
    loads.rawModel = { ...model.result, peakRssMiB: model.peakRssMiB };
    log(`  raw model:   ${(model.result.ms / 1000).toFixed(2)} s`);

    await resetGraph(db);
    const files = await listArticleFiles([folder]);
    const seeded = await withPeakRss(() => seedSources(fileSources(files), db));
    const rerun = await seedSources(fileSources(files), db);
    const project: LoadFigures = {
      ms: seeded.result.durationMs,
      articles: files.length,
      claims,
      peakRssMiB: seeded.peakRssMiB,
      rerunMs: rerun.durationMs,
    };
    loads.project = project;
    log(
      `  project:     ${(project.ms / 1000).toFixed(2)} s, unchanged re-run ${((project.rerunMs ?? 0) / 1000).toFixed(2)} s (${rerun.unchanged} unchanged)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const classes = queryClasses(chooseTargets(corpus()));
  const rows: QueryRow[] = classes.map((queryClass) => ({
    name: queryClass.name,
    ...(queryClass.note && { note: queryClass.note }),
    figures: {},
  }));
  const settings: LoadSettings = { connections: options.connections, duration: options.duration };
  log(`  queries (${options.connections} connections, ${options.duration} s each):`);

  const projectServer = await startProjectServer(db, connection.boltUrl, connection.password);
  try {
    await sendOnce(originOf(projectServer), { path: '/graphql', body: { query: '{ __typename }' } });
    await runClasses('project', originOf(projectServer), classes, settings, rows);
  } finally {
    await projectServer.close();
  }

  const neo4jGraphql = await startNeo4jGraphQLServer(db.driver, { database: db.database });
  try {
    // The library asks Neo4j for its version on its first request: not part of any class.
    await sendOnce(originOf(neo4jGraphql), { path: '/graphql', body: { query: '{ entities(limit: 1) { id } }' } });
    await runClasses('neo4jGraphql', originOf(neo4jGraphql), classes, settings, rows);
  } finally {
    await neo4jGraphql.close();
  }
  const raw = await startRawServer(db.driver, { database: db.database });
  try {
    await runClasses('raw', raw.url, classes, settings, rows);
  } finally {
    await raw.close();
  }
  return { articles, claims, loads, queries: rows };
}

async function bench(options: Options, argv: string[], context: CommandContext): Promise<number> {
  const settings = loadRuntimeSettings({
    ...process.env,
    NEO4J_BOLT_PORT: process.env.NEO4J_BENCH_BOLT_PORT ?? '17697',
    NEO4J_HTTP_PORT: process.env.NEO4J_BENCH_HTTP_PORT ?? '17484',
    NEO4J_LOCAL_DIR: process.env.NEO4J_BENCH_LOCAL_DIR ?? '.neo4j-bench',
    NEO4J_PASSWORD: 'bench-password',
  });
  context.neo4j = { uri: `bolt://localhost:${settings.NEO4J_BOLT_PORT}`, user: 'neo4j', home: settings.home };
  const started = await startLocalNeo4j(settings, log);
  const db = openDb({
    NEO4J_URI: started.boltUrl,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: settings.NEO4J_PASSWORD,
    NEO4J_DATABASE: 'neo4j',
  });
  try {
    await migrate(db);
    const report: BenchReport = {
      generatedAt: new Date().toISOString(),
      command: ['npm run bench --', ...argv].join(' ').replace(/ --$/, ''),
      machine: await machineInfo(db),
      settings: { seed: options.seed, connections: options.connections, duration: options.duration },
      sizes: [],
    };
    const out = resolve(options.out);
    const chartFile = `${basename(out).replace(/\.md$/i, '')}-chart.svg`;
    mkdirSync(dirname(out), { recursive: true });
    log('Warming up (every loader once on 20 articles, untimed) ...');
    await warmUp(db, options.seed);
    for (const size of options.sizes) {
      report.sizes.push(
        await benchSize(db, size, options, { boltUrl: started.boltUrl, password: settings.NEO4J_PASSWORD }),
      );
      // Written after every size, so a long run that stops half-way leaves what it measured.
      writeFileSync(out, renderResults(report, chartFile));
      // The figures themselves, so the report can be rendered again without measuring again.
      writeFileSync(out.replace(/\.md$/i, '.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(join(dirname(out), chartFile), renderChart(report));
    }
    log(`\nWrote ${options.out} and ${join(dirname(options.out), chartFile)}.`);
    // The references may fail a class (that is a result); the project failing one is a defect.
    const failed = report.sizes.flatMap((size) =>
      size.queries.filter((row) => row.figures.project?.failure).map((row) => `${size.articles} articles: ${row.name}`),
    );
    if (failed.length > 0) {
      console.error(
        `The project failed ${failed.length} query class${failed.length === 1 ? '' : 'es'}:\n  ${failed.join('\n  ')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await db.close();
    if (!options.keep && !started.alreadyRunning) await stopLocalNeo4j(settings, () => {});
  }
}

const argv = process.argv.slice(2);
void runCommand(
  {
    invocation: 'npm run bench',
    summary:
      "Seeds synthetic corpora and loads the GraphQL API against @neo4j/graphql and raw Cypher; writes bench/RESULTS.md and a chart. Runs on a Neo4j of its own (bench ports and folder), never on a developer's data.",
    options: BENCH_OPTIONS,
    environment: ['NEO4J_BENCH_BOLT_PORT', 'NEO4J_BENCH_HTTP_PORT', 'NEO4J_BENCH_LOCAL_DIR', 'JAVA_HOME'],
    exitCodes: [[1, 'the project failed a query class, or a failure']],
    usageErrors: [UsageError],
    run: ({ values }, context) => bench(benchOptions(values), argv, context),
  },
  argv,
);
