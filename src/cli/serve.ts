import { openDb } from '../db/driver.ts';
import { checkDatabasePassword } from '../password-policy.ts';
import { API_ENVIRONMENT } from './environment-help.ts';
import { loadCommandConfig, runCommand } from './run-command.ts';
import { serveUntilSignal } from './serve-until-signal.ts';

void runCommand({
  invocation: 'npm start',
  summary:
    'Serves the GraphQL API on NEO4J_URI until SIGTERM or SIGINT (or the end of the npm that started it), then stops gracefully: in-flight requests finish within 10 s. Every limit the API reads is in the README, "Configuration".',
  options: {},
  environment: API_ENVIRONMENT,
  async run(_args, context) {
    const config = loadCommandConfig(context);
    checkDatabasePassword(config, process.env, (message) => console.warn(message));
    const server = await serveUntilSignal(config, openDb(config));
    const graphiql = config.GRAPHIQL ? 'GraphiQL in a browser; ' : '';
    console.log(`GraphQL API on ${server.url} (${graphiql}health on /healthz, readiness on /readyz)`);
    if (!config.API_TOKEN) console.log('API_TOKEN is not set: mutations are disabled.');
    return 'serving';
  },
});
