import { loadConfig } from '../../src/config.ts';
import { portAnswers, stopLocalNeo4j } from '../../src/runtime/local-neo4j.ts';
import { startNeo4jOnFreePorts } from './helpers/neo4j-on-free-ports.ts';

/**
 * A real Neo4j behind every integration test. When NEO4J_URI names one that answers (CI
 * starts its own), the tests use it. Otherwise they start a local instance in a test folder
 * of this checkout, so a developer's data is never touched, on free ports, so that another
 * checkout testing at the same time never meets it, and stop it afterwards. The test files
 * (and the CLIs they spawn) find it through the NEO4J_* variables set here, which the
 * workers inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    const config = loadConfig();
    const port = Number(new URL(config.NEO4J_URI.replace(/^[a-z+]+:/, 'http:')).port || 7687);
    if (await portAnswers(port)) return async () => {};
    throw new Error(
      `NEO4J_URI=${config.NEO4J_URI} is set but nothing answers there. Unset it to let the tests start their own Neo4j.`,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_LOCAL_DIR: process.env.NEO4J_TEST_LOCAL_DIR ?? '.neo4j-test',
    NEO4J_PASSWORD: 'test-password',
    NEO4J_HEAP: '768m',
    NEO4J_PAGECACHE: '256m',
  };
  const log = (line: string) => console.log(`[test neo4j] ${line}`);
  const { settings, started } = await startNeo4jOnFreePorts(env, log);
  if (started.alreadyRunning) log(`Using the Neo4j already running in ${settings.home} (${started.boltUrl})`);
  process.env.NEO4J_URI = started.boltUrl;
  process.env.NEO4J_USER = 'neo4j';
  process.env.NEO4J_PASSWORD = settings.NEO4J_PASSWORD;
  process.env.NEO4J_DATABASE = 'neo4j';
  return async () => {
    if (!started.alreadyRunning) await stopLocalNeo4j(settings, () => {});
  };
}
