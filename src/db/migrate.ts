import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transactionMetadata } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { upgradeStorage, type StorageUpgrade } from './upgrade-storage.ts';

export const SCHEMA_DIR = resolve(import.meta.dirname, '..', '..', 'schema');

/** Statements of every `schema/*.cypher` file, in file-name order; `//` comment lines dropped. */
export function readSchemaStatements(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('//'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean),
    );
}

/**
 * Applies the schema idempotently and waits until the indexes are online, so the first
 * write after a migration is already checked by the constraints; then upgrades a graph the
 * first storage model wrote (src/db/upgrade-storage.ts).
 */
export async function migrate(db: Db): Promise<{ statements: number; upgrade: StorageUpgrade }> {
  const statements = readSchemaStatements();
  const session = db.driver.session({ database: db.database });
  try {
    // Schema commands cannot share a transaction with each other: one auto-commit each.
    const named = { metadata: transactionMetadata(db, { step: 'migrate' }) };
    for (const statement of statements) await session.run(statement, {}, named);
    await session.run('CALL db.awaitIndexes(300)', {}, named);
  } finally {
    await session.close();
  }
  // After the schema: the Claim constraint and indexes serve the upgrade.
  const upgrade = await upgradeStorage(db);
  return { statements: statements.length, upgrade };
}
