import { loadConfig } from '../../../src/config.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import { createDriver, type Db } from '../../../src/db/driver.ts';
import { migrate } from '../../../src/db/migrate.ts';

/** The Neo4j the global setup provides, migrated and emptied: each test file starts clean. */
export async function openCleanTestDb(): Promise<Db> {
  const config = loadConfig();
  const db = { driver: createDriver(config), database: config.NEO4J_DATABASE };
  await migrate(db);
  await resetGraph(db);
  return db;
}

export async function cypher<T = Record<string, unknown>>(db: Db, query: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await db.driver.executeQuery(query, parameters, { database: db.database });
  return records.map((record) => record.toObject() as T);
}

/** Nodes per label set and relationships per type: what "changes no counts" compares. */
export async function graphCounts(db: Db): Promise<Record<string, number>> {
  const nodes = await cypher<{ key: string; count: number }>(
    db,
    `MATCH (n) WITH labels(n) AS labels ORDER BY labels UNWIND labels AS label
     RETURN 'node:' + label AS key, count(*) AS count`,
  );
  const relationships = await cypher<{ key: string; count: number }>(
    db,
    `MATCH ()-[r]->() RETURN 'rel:' + type(r) AS key, count(*) AS count`,
  );
  return Object.fromEntries([...nodes, ...relationships].map(({ key, count }) => [key, Number(count)]).sort());
}

/** Environment for a CLI child process that talks to the test database. */
export function cliEnvironment(): NodeJS.ProcessEnv {
  const config = loadConfig();
  return {
    ...process.env,
    NEO4J_URI: config.NEO4J_URI,
    NEO4J_USER: config.NEO4J_USER,
    NEO4J_PASSWORD: config.NEO4J_PASSWORD,
    NEO4J_DATABASE: config.NEO4J_DATABASE,
  };
}
