import { loadConfig } from '../../src/config.ts';
import { portAnswers, startLocalNeo4j, stopLocalNeo4j } from '../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings, type RuntimeSettings } from '../../src/runtime/runtime-settings.ts';

/**
 * A real Neo4j behind every integration test. When NEO4J_URI names one that answers (CI
 * starts its own), the tests use it. Otherwise they start a local instance on test ports
 * and in a test folder, so a developer's data is never touched, and stop it afterwards.
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
  const settings: RuntimeSettings = loadRuntimeSettings({
    ...process.env,
    NEO4J_BOLT_PORT: process.env.NEO4J_TEST_BOLT_PORT ?? '17687',
    NEO4J_HTTP_PORT: process.env.NEO4J_TEST_HTTP_PORT ?? '17474',
    NEO4J_LOCAL_DIR: process.env.NEO4J_TEST_LOCAL_DIR ?? '.neo4j-test',
    NEO4J_PASSWORD: 'test-password',
    NEO4J_HEAP: '768m',
    NEO4J_PAGECACHE: '256m',
  });
  const result = await startLocalNeo4j(settings, (line) => console.log(`[neo4j] ${line}`));
  process.env.NEO4J_URI = result.boltUrl;
  process.env.NEO4J_USER = 'neo4j';
  process.env.NEO4J_PASSWORD = settings.NEO4J_PASSWORD;
  process.env.NEO4J_DATABASE = 'neo4j';
  process.env.NEO4J_TEST_HTTP_URL = `http://localhost:${settings.NEO4J_HTTP_PORT}`;
  return async () => {
    if (!result.alreadyRunning) await stopLocalNeo4j(settings, () => {});
  };
}
