import neo4j from 'neo4j-driver';
import { loadConfig } from '../config.ts';
import { openDb } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { formatIssues } from '../ingest/issues.ts';
import { SeedValidationError, fileSources, listArticleFiles, seedSources } from '../ingest/seed-run.ts';
import { checkDatabasePassword } from '../password-policy.ts';
import { dockerCompose } from '../runtime/docker-neo4j.ts';
import { portAnswers, startLocalNeo4j } from '../runtime/local-neo4j.ts';
import { PortTakenError } from '../runtime/neo4j-failures.ts';
import { loadRuntimeSettings, PROJECT_ROOT, RuntimeError } from '../runtime/runtime-settings.ts';
import { apiRecordFile, runningApi } from './api-pid-file.ts';
import { API_ENVIRONMENT, RUNTIME_ENVIRONMENT } from './environment-help.ts';
import { loadCommandConfig, runCommand, type CommandContext } from './run-command.ts';
import { serveUntilSignal } from './serve-until-signal.ts';

/**
 * `npm run up`: the whole thing. Neo4j up (the local runtime, or docker compose with
 * NEO4J_RUNTIME=docker, or nothing when NEO4J_URI names a database of your own), schema
 * applied, the seed loaded when the graph has no article yet, and the API served.
 */
async function up(context: CommandContext): Promise<'serving'> {
  const env = { ...process.env };
  // The local quick start is for exploring: GraphiQL on unless GRAPHIQL says otherwise.
  env.GRAPHIQL ??= 'true';
  const ownDatabase = Boolean(env.NEO4J_URI);
  const runtime = loadRuntimeSettings({
    ...env,
    BROWSER_KIT_URL: env.BROWSER_KIT_URL ?? `http://localhost:${env.PORT || 4000}/browser`,
  });
  // Before anything starts: a production run with the public default password stops here.
  checkDatabasePassword({ NEO4J_PASSWORD: env.NEO4J_PASSWORD || runtime.NEO4J_PASSWORD }, env, (message) =>
    console.warn(message),
  );
  const recordFile = apiRecordFile(runtime.home);
  // Before Neo4j starts and the seed loads: the API's port must be free at the end.
  await refuseTakenApiPort(loadConfig(env), recordFile);
  let browserUrl = `http://localhost:${runtime.NEO4J_HTTP_PORT}/browser/`;
  if (!ownDatabase) {
    env.NEO4J_URI = `bolt://localhost:${runtime.NEO4J_BOLT_PORT}`;
    if (runtime.NEO4J_RUNTIME === 'docker') {
      if (dockerCompose(['up', '-d', '--wait', 'neo4j']) !== 0)
        throw new RuntimeError('docker compose could not start the neo4j service');
    } else {
      context.neo4j = { uri: env.NEO4J_URI, user: runtime.NEO4J_USER, home: runtime.home };
      const started = await startLocalNeo4j(runtime, (line) => console.log(line));
      console.log(started.alreadyRunning ? 'Neo4j was already running.' : `Neo4j started in ${started.seconds} s.`);
      browserUrl = started.browserUrl;
      // An instance already running keeps the ports it started with.
      env.NEO4J_URI = started.boltUrl;
    }
    env.NEO4J_PASSWORD ??= runtime.NEO4J_PASSWORD;
  }
  const config = loadCommandConfig(context, env);
  const db = openDb(config);

  const { statements } = await migrate(db);
  console.log(`Schema applied (${statements} statements).`);
  const { records } = await db.driver.executeQuery(
    'MATCH (a:Article) RETURN count(a) AS articles',
    {},
    { database: db.database, routing: neo4j.routing.READ },
  );
  const articles = Number(records[0]?.get('articles') ?? 0);
  if (articles === 0) {
    const files = await listArticleFiles([`${PROJECT_ROOT}/seed`]);
    const report = await seedSources(fileSources(files), db).catch((error: unknown) => {
      if (error instanceof SeedValidationError) console.error(formatIssues(error.issues));
      throw error;
    });
    console.log(
      `Seed loaded: ${report.articles} article(s), ${report.entitiesCreated} entities, ${report.relationsWritten} relations.`,
    );
  } else {
    console.log(`The graph already holds ${articles} article(s); seed not reloaded (npm run seed reloads it).`);
  }

  const server = await serveUntilSignal(config, db, { recordFile });
  console.log(`
Ready.
  GraphQL API:   ${server.url.replace('127.0.0.1', 'localhost')}   ${config.GRAPHIQL ? '(GraphiQL opens in a web browser)' : '(GraphiQL off: GRAPHIQL=false)'}
  Neo4j Browser: ${browserUrl}   (user ${config.NEO4J_USER}, password from NEO4J_PASSWORD, default "${runtime.NEO4J_PASSWORD === 'geograph-local' ? 'geograph-local' : '(yours)'}")
  Mutations:     ${config.API_TOKEN ? 'enabled with Authorization: Bearer $API_TOKEN' : 'disabled (set API_TOKEN to enable ingestArticle and removeArticle)'}
Ctrl-C stops the API; Neo4j keeps running (npm run down stops both, npm run db:stop Neo4j alone).`);
  return 'serving';
}

async function refuseTakenApiPort(config: { PORT: number; HOST: string }, recordFile: string): Promise<void> {
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  if (!(await portAnswers(config.PORT, host))) return;
  const previous = await runningApi(recordFile);
  if (previous && new URL(previous.url).port === String(config.PORT)) {
    throw new RuntimeError(
      `The API a previous npm run up started still runs (pid ${previous.pid}, ${previous.url}): use it, or stop it (and Neo4j) with npm run down.`,
    );
  }
  throw new PortTakenError(config.PORT, 'PORT');
}

void runCommand({
  invocation: 'npm run up',
  summary:
    'Neo4j up (the local runtime; docker compose with NEO4J_RUNTIME=docker; none when NEO4J_URI names your own), schema applied, the seed loaded into an empty graph, and the GraphQL API served with GraphiQL until Ctrl-C or SIGTERM. Neo4j keeps running afterwards: npm run down stops the API and Neo4j.',
  options: {},
  environment: [...API_ENVIRONMENT, ...RUNTIME_ENVIRONMENT],
  run: (_args, context) => up(context),
});
