import { ConfigError, type Config } from './config.ts';
import { DEFAULT_NEO4J_PASSWORD } from './env/fields.ts';

/**
 * The default Neo4j password is public (it is in this repository). Starting the API with it
 * is fine on a laptop and says so loudly; with NODE_ENV=production set explicitly it is a
 * mistake, and the API refuses to start. `env` is the raw environment: NODE_ENV unset also
 * means production behaviour, but only an explicit production is a deployment.
 */
export function checkDatabasePassword(
  config: Pick<Config, 'NEO4J_PASSWORD'>,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): void {
  if (config.NEO4J_PASSWORD !== DEFAULT_NEO4J_PASSWORD) return;
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      `NEO4J_PASSWORD is the default "${DEFAULT_NEO4J_PASSWORD}", which anyone can read in this repository; refusing to start with NODE_ENV=production. Set NEO4J_PASSWORD to a secret.`,
    );
  }
  const rule = '!'.repeat(78);
  warn(
    `${rule}\n  WARNING: NEO4J_PASSWORD is the default "${DEFAULT_NEO4J_PASSWORD}". Fine on this machine; set your own\n  before the database or the API is reachable from anywhere else.\n${rule}`,
  );
}
