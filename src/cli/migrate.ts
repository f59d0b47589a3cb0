import { openDb } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { DATABASE_ENVIRONMENT } from './environment-help.ts';
import { loadCommandConfig, runCommand } from './run-command.ts';

void runCommand({
  invocation: 'npm run db:migrate',
  summary:
    'Applies schema/*.cypher (constraints, indexes, the full-text index) to NEO4J_URI and waits until every index is online; upgrades graphs older versions wrote (claims as nodes, evidence model v2).',
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
    if (upgrade.claimsToV2 > 0) {
      console.log(
        `Upgraded ${upgrade.claimsToV2} claims to evidence model v2 (holders, polarity, affirmative); ${upgrade.relationsRecounted} relations recounted without their denied claims.`,
      );
    }
    return 0;
  },
});
