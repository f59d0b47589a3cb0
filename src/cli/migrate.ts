import { openDb } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { DATABASE_ENVIRONMENT } from './environment-help.ts';
import { loadCommandConfig, runCommand } from './run-command.ts';

void runCommand({
  invocation: 'npm run db:migrate',
  summary:
    'Applies schema/*.cypher (constraints, indexes, the full-text index) to NEO4J_URI and waits until every index is online; upgrades a graph of the first storage model.',
  options: {},
  environment: DATABASE_ENVIRONMENT,
  async run(_args, context) {
    const config = loadCommandConfig(context);
    await using db = openDb(config);
    const { statements, upgrade } = await migrate(db);
    console.log(
      `Schema applied to ${config.NEO4J_URI} (database ${config.NEO4J_DATABASE}): ${statements} statements, all indexes online.`,
    );
    if (upgrade.claims > 0) {
      console.log(
        `Upgraded the graph to claims as nodes: ${upgrade.claims} claims, ${upgrade.relations} aggregated relations.`,
      );
    }
    return 0;
  },
});
