/**
 * Fair use of the database: one request can never hold the connection pool, every Cypher
 * query has a transaction timeout within the request's deadline, and the database's own
 * troubles (unreachable, busy, refusing the server's login) are the server's state: HTTP 503
 * with Retry-After, never a masked "Unexpected error." with 200.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createQueryRunner, deadlineIn } from '../../../src/db/query-runner.ts';
import { mapNeo4jError } from '../../../src/graphql/errors.ts';
import { firstError, openApi, type ApiResponse } from './harness.ts';
import { spyOn } from './spy-db.ts';

const api = await openApi();
const config = loadConfig();

/** `count` aliases of a field that runs one Cypher query each. */
const searches = (count: number) =>
  `{ ${Array.from({ length: count }, (_, index) => `s${index}: search(query: "taliban", first: 1) { id }`).join(' ')} }`;

const slow = spyOn(api.db, { delayMs: 100 });
const concurrent = await openApi({ db: slow, graph: 'as-is' });
const budgeted = await openApi({ db: spyOn(api.db), graph: 'as-is', env: { MAX_QUERIES_PER_REQUEST: '3' } });
const timed = spyOn(api.db);
const shortDeadline = await openApi({
  db: timed,
  graph: 'as-is',
  env: { REQUEST_TIMEOUT_MS: '3000', QUERY_TIMEOUT_MS: '60000' },
});
const lateDb = spyOn(api.db, { delayMs: 400 });
const late = await openApi({
  db: lateDb,
  graph: 'as-is',
  env: { REQUEST_TIMEOUT_MS: '250', MAX_CONCURRENT_QUERIES_PER_REQUEST: '1' },
});

/** The driver of a server whose pool has one connection and gives up waiting for it after 300 ms. */
const tinyPool = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
  maxConnectionPoolSize: 1,
  connectionAcquisitionTimeout: 300,
});
const busy = await openApi({ db: { driver: tinyPool, database: config.NEO4J_DATABASE }, graph: 'as-is' });
const wrongPassword = await openApi({
  db: {
    driver: neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, 'not-the-password')),
    database: config.NEO4J_DATABASE,
  },
  graph: 'as-is',
});

function expectServiceUnavailable(response: ApiResponse, reason: string) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(firstError(response.body).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason });
}

describe('fair use of the database', () => {
  test('one request runs at most MAX_CONCURRENT_QUERIES_PER_REQUEST (4) Cypher queries at once', async () => {
    const { body } = await concurrent.gql(searches(10));
    expect(body.errors).toBeUndefined();
    expect(slow.calls).toHaveLength(10);
    expect(slow.maxInFlight).toBe(4);
  });

  test('a request that needs more Cypher queries than MAX_QUERIES_PER_REQUEST fails with QUERY_BUDGET_EXCEEDED', async () => {
    const { status, body } = await budgeted.gql(searches(5));
    expect(firstError(body).extensions).toMatchObject({ code: 'QUERY_BUDGET_EXCEEDED', max: 3 });
    expect(status).toBe(400);
    expect(body.extensions?.cypherQueries).toBe(3);
  });

  test('every Cypher query has a transaction timeout, at most what is left of the request deadline', async () => {
    const { body } = await shortDeadline.gql(
      '{ entity(id: "taliban") { name relations(first: 2) { source { name } } articles(first: 1) { title } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(timed.calls.length).toBeGreaterThan(1);
    for (const call of timed.calls) {
      expect(call.timeoutMs).toBeGreaterThan(0);
      expect(call.timeoutMs).toBeLessThanOrEqual(3000);
    }
  });

  test('a request past its deadline answers REQUEST_TIMEOUT with HTTP 504 at the deadline, and sends no more Cypher', async () => {
    const started = performance.now();
    const { status, body } = await late.gql(searches(3));
    const elapsed = performance.now() - started;
    expect(status).toBe(504);
    expect(firstError(body).extensions.code).toBe('REQUEST_TIMEOUT');
    expect(elapsed).toBeLessThan(400);
    // The first query (400 ms) outlives the deadline; the two queued behind it are never sent.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(lateDb.calls).toHaveLength(1);
  });

  test('the deadline stops a running query in the database too', async () => {
    const runner = createQueryRunner(api.db, { deadline: deadlineIn(300), mapError: mapNeo4jError });
    const started = performance.now();
    const endless = runner.read('UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n');
    await expect(endless).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
    expect(performance.now() - started).toBeLessThan(3000);
  }, 10_000);

  test('a full connection pool is SERVICE_UNAVAILABLE (DATABASE_BUSY) with HTTP 503 and Retry-After', async () => {
    const holder = tinyPool.session({ database: config.NEO4J_DATABASE });
    const transaction = await holder.beginTransaction();
    await transaction.run('RETURN 1');
    try {
      expectServiceUnavailable(await busy.gql('{ entity(id: "taliban") { name } }'), 'DATABASE_BUSY');
    } finally {
      await transaction.rollback();
      await holder.close();
    }
  });

  test("a database that refuses the server's password is SERVICE_UNAVAILABLE (DATABASE_AUTH_FAILED) with HTTP 503 and Retry-After", async () => {
    const response = await wrongPassword.gql('{ entity(id: "taliban") { name } }');
    expectServiceUnavailable(response, 'DATABASE_AUTH_FAILED');
    expect(JSON.stringify(response.body)).not.toContain('Neo.ClientError');
  });
});
