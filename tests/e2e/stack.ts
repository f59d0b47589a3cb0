import { resolve } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { resetGraph } from '../../src/db/article-writer.ts';
import { fileSources, listArticleFiles, seedSources, type SeedReport } from '../../src/ingest/seed-run.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings, PROJECT_ROOT, type RuntimeSettings } from '../../src/runtime/runtime-settings.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { freePorts } from '../integration/helpers/free-port.ts';
import { portsOfRunningInstance } from '../integration/helpers/neo4j-on-free-ports.ts';

/**
 * Everything the browser tests look at, started from scratch: a Neo4j of their own (free ports,
 * own folder, so neither a developer's instance nor the integration tests' is touched), the
 * schema, the seed, and the API on a free port. The API is started first, so that its port is
 * known when neo4j.conf is written: Browser's post-connect command names the API's Browser kit.
 */
export interface E2eStack {
  /** Neo4j Browser, e.g. http://localhost:41234/browser/ */
  browserUrl: string;
  /** What Browser's connect form is given. */
  boltUrl: string;
  user: string;
  password: string;
  /** The API's origin, e.g. http://localhost:41235 */
  apiOrigin: string;
  /** The same database, for the tests' own queries. */
  db: Db;
  seed: SeedReport;
  stop(): Promise<void>;
}

const E2E_PASSWORD = 'e2e-password-1';

export async function startE2eStack(log: (line: string) => void): Promise<E2eStack> {
  const env = process.env;
  const [apiPort, boltPort, httpPort] = await freePorts(3);
  const apiOrigin = `http://localhost:${apiPort}`;
  const settings: RuntimeSettings = loadRuntimeSettings({
    ...env,
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_HTTP_PORT: String(httpPort),
    NEO4J_LOCAL_DIR: env.E2E_NEO4J_LOCAL_DIR ?? '.neo4j-e2e',
    NEO4J_PASSWORD: E2E_PASSWORD,
    NEO4J_HEAP: '768m',
    NEO4J_PAGECACHE: '256m',
    BROWSER_KIT_URL: `${apiOrigin}/browser`,
  });
  const boltUrl = `bolt://localhost:${settings.NEO4J_BOLT_PORT}`;
  const config: Config = loadConfig({
    NEO4J_URI: boltUrl,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: E2E_PASSWORD,
    NEO4J_DATABASE: 'neo4j',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    // The test drives GraphiQL, which is off unless asked for.
    GRAPHIQL: 'true',
  });
  // The driver connects lazily: creating it (and the API on top) before Neo4j is up is fine.
  const db = openDb(config);
  let server: RunningServer | null = null;
  let neo4jStarted = false;

  const stop = async () => {
    await server?.close(2_000).catch((error: unknown) => log(`API close failed: ${String(error)}`));
    await db.close().catch(() => {});
    if (neo4jStarted) await stopLocalNeo4j(settings, log);
  };

  try {
    server = await startServer({ config, db });
    log(`API on ${server.url}`);
    // An instance left running by an interrupted run listens on that run's ports and names
    // that run's API in its neo4j.conf: it is stopped, to start again with this run's.
    if (portsOfRunningInstance(settings.home)) {
      log('Stopping the e2e Neo4j left running by an earlier run, to start it on the ports of this run');
      await stopLocalNeo4j(settings, log);
    }
    const started = await startLocalNeo4j(settings, log);
    neo4jStarted = true;
    log(`Neo4j ready: ${started.browserUrl}`);
    await migrate(db);
    await resetGraph(db);
    const files = await listArticleFiles([resolve(PROJECT_ROOT, 'seed')], PROJECT_ROOT);
    const seed = await seedSources(fileSources(files.map((file) => resolve(PROJECT_ROOT, file))), db);
    log(
      `Seed loaded: ${seed.articles} article(s), ${seed.entitiesCreated} entities, ${seed.relationsWritten} relations`,
    );
    return {
      browserUrl: `http://localhost:${settings.NEO4J_HTTP_PORT}/browser/`,
      boltUrl,
      user: 'neo4j',
      password: E2E_PASSWORD,
      apiOrigin,
      db,
      seed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
