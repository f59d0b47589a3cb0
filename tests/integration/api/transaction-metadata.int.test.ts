/**
 * Every transaction says whose work it is, so `SHOW TRANSACTIONS YIELD metaData` in Neo4j
 * Browser tells which request or run holds the database. Each test catches a transaction of
 * the app while it runs: a write kept waiting on a lock the test holds, or a slow read.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createContext } from '../../../src/graphql/context.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { cliEnvironment, cypher } from '../helpers/test-db.ts';
import { API_TOKEN, openApi } from './harness.ts';

const api = await openApi({ graph: 'empty' });
const { db } = api;
const workdir = mkdtempSync(join(tmpdir(), 'geograph-tx-metadata-'));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

interface RunningTransaction {
  transactionId: string;
  metaData: Record<string, unknown>;
  currentQuery: string;
}

/** The first running transaction of the app whose metadata matches and that is running a query. */
async function awaitTransaction(where: (metaData: Record<string, unknown>) => boolean): Promise<RunningTransaction> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const running = await cypher<RunningTransaction>(
      db,
      `SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery
       WHERE metaData.app = 'geopolitics-graph' RETURN transactionId, metaData, currentQuery`,
    );
    const found = running.find((transaction) => where(transaction.metaData) && transaction.currentQuery !== '');
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('No transaction of the app matched within 20 s');
}

/** Runs `work` while a transaction of the test holds the writers' lock node, so every writer waits. */
async function holdingWritersLock<T>(work: () => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database });
  const tx = session.beginTransaction();
  try {
    await tx.run(`MERGE (l:IngestLock {name: 'ingest'}) SET l.touchedAt = timestamp()`);
    return await work();
  } finally {
    await tx.rollback();
    await session.close();
  }
}

describe('SHOW TRANSACTIONS tells which request runs', () => {
  test('a mutation names its operation, request id and step', async () => {
    let answer: ReturnType<typeof api.gql> | undefined;
    const seen = await holdingWritersLock(() => {
      answer = api.gql(
        `mutation RemoveForMetadata { removeArticle(id: "no-such-article") { articleId } }`,
        {},
        {
          token: API_TOKEN,
          headers: { 'x-request-id': 'metadata-test-mutation' },
        },
      );
      return awaitTransaction((metaData) => metaData.requestId === 'metadata-test-mutation');
    });
    expect(seen.metaData).toEqual({
      app: 'geopolitics-graph',
      operation: 'RemoveForMetadata',
      requestId: 'metadata-test-mutation',
      step: 'acquire ingest lease',
    });
    expect(seen.currentQuery).toContain('IngestLock');
    expect((await answer)?.body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  test("a read through the request's query runner carries the request id", async () => {
    const context = createContext(
      { db, config: loadConfig({ ...process.env, NODE_ENV: 'test' }) },
      { headers: new Headers({ 'x-request-id': 'metadata-test-read' }) },
    );
    // Slow on purpose (seconds), so the test can see it; terminated once seen.
    const read = context.queries.read('UNWIND range(1, 100000000) AS x WITH x WHERE x % 3 = 0 RETURN count(x) AS n');
    read.catch(() => {});
    const seen = await awaitTransaction((metaData) => metaData.requestId === 'metadata-test-read');
    await cypher(db, 'TERMINATE TRANSACTION $id', { id: seen.transactionId });
    expect(seen.metaData).toEqual({ app: 'geopolitics-graph', operation: 'graphql', requestId: 'metadata-test-read' });
    expect(seen.currentQuery).toContain('range(1, 100000000)');
    await expect(read).rejects.toThrow();
  });

  test("the seed CLI's writes say `seed`", async () => {
    const file = join(workdir, 'metadata-seed.json');
    writeFileSync(file, JSON.stringify(articleDoc('metadata-seed').add('State', 'pakistan').build()));
    const cli = spawn(join('node_modules', '.bin', 'tsx'), ['src/cli/seed.ts', file], {
      env: cliEnvironment(),
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
    // Its schema migration and storage upgrades come first; the write it then waits in is the lease's.
    const seen = await holdingWritersLock(() =>
      awaitTransaction(
        (metaData) =>
          metaData.operation === 'seed' && metaData.step !== 'migrate' && !String(metaData.step).startsWith('upgrade'),
      ),
    );
    expect(seen.metaData).toEqual({ app: 'geopolitics-graph', operation: 'seed', step: 'acquire ingest lease' });
    expect(await exited).toBe(0);
  });
});
