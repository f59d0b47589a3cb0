import { ConfigError, loadConfig } from '../config.ts';
import { createDriver } from '../db/driver.ts';
import { serveUntilSignal } from './serve-until-signal.ts';

/** `npm start`: the GraphQL API until SIGTERM or SIGINT, then a graceful stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await serveUntilSignal(config, { driver: createDriver(config), database: config.NEO4J_DATABASE });
  console.log(`GraphQL API on ${server.url} (GraphiQL in a browser; health on /healthz, readiness on /readyz)`);
  if (!config.API_TOKEN) console.log('API_TOKEN is not set: mutations are disabled.');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
