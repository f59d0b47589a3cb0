import neo4j from 'neo4j-driver';
import { ConfigError, loadConfig } from '../config.ts';
import { openDb } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { formatIssues } from '../ingest/issues.ts';
import { checkDatabasePassword } from '../password-policy.ts';
import { SeedValidationError, fileSources, listArticleFiles, seedSources } from '../ingest/seed-run.ts';
import { dockerCompose } from '../runtime/docker-neo4j.ts';
import { startLocalNeo4j } from '../runtime/local-neo4j.ts';
import { loadRuntimeSettings, PROJECT_ROOT, RuntimeError } from '../runtime/runtime-settings.ts';
import { serveUntilSignal } from './serve-until-signal.ts';

/**
 * `npm run up`: the whole thing. Neo4j up (the local runtime, or docker compose with
 * NEO4J_RUNTIME=docker, or nothing when NEO4J_URI names a database of your own), schema
 * applied, the seed loaded when the graph has no article yet, and the API served.
 */
async function main(): Promise<void> {
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
  let browserUrl = `http://localhost:${runtime.NEO4J_HTTP_PORT}/browser/`;
  if (!ownDatabase) {
    if (runtime.NEO4J_RUNTIME === 'docker') {
      if (dockerCompose(['up', '-d', '--wait', 'neo4j']) !== 0)
        throw new RuntimeError('docker compose could not start the neo4j service');
    } else {
      const started = await startLocalNeo4j(runtime, (line) => console.log(line));
      console.log(started.alreadyRunning ? 'Neo4j was already running.' : `Neo4j started in ${started.seconds} s.`);
      browserUrl = started.browserUrl;
    }
    env.NEO4J_URI = `bolt://localhost:${runtime.NEO4J_BOLT_PORT}`;
    env.NEO4J_PASSWORD ??= runtime.NEO4J_PASSWORD;
  }
  const config = loadConfig(env);
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
    const report = await seedSources(fileSources(files), db);
    console.log(
      `Seed loaded: ${report.articles} article(s), ${report.entitiesCreated} entities, ${report.relationsWritten} relations.`,
    );
  } else {
    console.log(`The graph already holds ${articles} article(s); seed not reloaded (npm run seed reloads it).`);
  }

  const server = await serveUntilSignal(config, db);
  console.log(`
Ready.
  GraphQL API:   ${server.url.replace('127.0.0.1', 'localhost')}   ${config.GRAPHIQL ? '(GraphiQL opens in a web browser)' : '(GraphiQL off: GRAPHIQL=false)'}
  Neo4j Browser: ${browserUrl}   (user ${config.NEO4J_USER}, password from NEO4J_PASSWORD, default "${runtime.NEO4J_PASSWORD === 'geograph-local' ? 'geograph-local' : '(yours)'}")
  Mutations:     ${config.API_TOKEN ? 'enabled with Authorization: Bearer $API_TOKEN' : 'disabled (set API_TOKEN to enable ingestArticle and removeArticle)'}
Ctrl-C stops the API; Neo4j keeps running until npm run db:stop.`);
}

main().catch((error: unknown) => {
  if (error instanceof SeedValidationError) console.error(formatIssues(error.issues));
  console.error(error instanceof ConfigError || error instanceof RuntimeError ? error.message : error);
  process.exit(1);
});
