import { ConfigError, loadConfig } from '../config.ts';
import { openDb } from '../db/driver.ts';
import { checkDatabasePassword } from '../password-policy.ts';
import { serveUntilSignal } from './serve-until-signal.ts';

/** `npm start`: the GraphQL API until SIGTERM or SIGINT, then a graceful stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  checkDatabasePassword(config, process.env, (message) => console.warn(message));
  const server = await serveUntilSignal(config, openDb(config));
  const graphiql = config.GRAPHIQL ? 'GraphiQL in a browser; ' : '';
  console.log(`GraphQL API on ${server.url} (${graphiql}health on /healthz, readiness on /readyz)`);
  if (!config.API_TOKEN) console.log('API_TOKEN is not set: mutations are disabled.');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
