import { ConfigError, loadConfig } from '../config.ts';
import { openDb } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = openDb(config);
  try {
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
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
