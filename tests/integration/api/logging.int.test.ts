import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { openDb } from '../../../src/db/driver.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { captureLog } from '../../fixtures/captured-log.ts';
import { API_TOKEN, openApi } from './harness.ts';

const config = loadConfig({ ...process.env, API_TOKEN, LOG_LEVEL: 'debug' });
const captured = captureLog(config);
const api = await openApi({ log: captured.log });

/** The lines logged while `work` ran. */
async function logOf(work: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const before = captured.lines.length;
  await work();
  return captured.entries().slice(before);
}

const ENTITY_QUERY = `query EntityByName { entity(id: "pakistan") { id name } }`;

describe('one line per request', () => {
  test('a query logs its operation, type, duration, Cypher query count and status at info', async () => {
    const entries = await logOf(() => api.gql(ENTITY_QUERY));
    const requests = entries.filter((entry) => entry.msg === 'graphql request');
    expect(requests).toHaveLength(1);
    const [line] = requests;
    expect(line).toMatchObject({ level: 30, operation: 'EntityByName', operationType: 'query', status: 200 });
    expect(line?.cypherQueries).toBeGreaterThan(0);
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(line?.requestId).toEqual(expect.any(String));
    expect(line).not.toHaveProperty('errorCodes');
  });

  test('an anonymous operation is named by its type and first field', async () => {
    const entries = await logOf(() => api.gql(`{ entity(id: "pakistan") { id } }`));
    expect(entries.find((entry) => entry.msg === 'graphql request')).toMatchObject({ operation: 'query.entity' });
  });

  test('a refused request logs its error codes', async () => {
    const entries = await logOf(() => api.gql(`mutation Nope { removeArticle(id: "x") { articleId } }`));
    expect(entries.find((entry) => entry.msg === 'graphql request')).toMatchObject({
      operation: 'Nope',
      operationType: 'mutation',
      status: 401,
      errorCodes: ['UNAUTHENTICATED:MISSING_TOKEN'],
      cypherQueries: 0,
    });
  });

  test('the request id a caller sends is logged, returned, and names every Cypher query of the request', async () => {
    const before = captured.lines.length;
    const response = await api.gql(ENTITY_QUERY, {}, { headers: { 'x-request-id': 'caller-id-17' } });
    const entries = captured.entries().slice(before);
    expect(response.headers.get('x-request-id')).toBe('caller-id-17');
    const cypher = entries.filter((entry) => entry.msg === 'cypher');
    expect(cypher.length).toBe(response.body.extensions?.cypherQueries);
    for (const entry of [...cypher, ...entries.filter((entry) => entry.msg === 'graphql request')])
      expect(entry.requestId).toBe('caller-id-17');
  });
});

describe('Cypher at debug level', () => {
  test('each read is logged with its text, parameters, time and row count', async () => {
    const entries = await logOf(() => api.gql(ENTITY_QUERY));
    const reads = entries.filter((entry) => entry.msg === 'cypher');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read).toMatchObject({ level: 20, operation: 'EntityByName' });
      expect(read.cypher).toEqual(expect.stringContaining('MATCH'));
      expect(read.params).toEqual(expect.any(Object));
      expect(read.ms).toEqual(expect.any(Number));
      expect(read.rows).toEqual(expect.any(Number));
    }
    expect(reads.some((read) => JSON.stringify(read.params).includes('pakistan'))).toBe(true);
  });

  test('each statement of an ingest is logged, and each write transaction with its step and time', async () => {
    const document = articleDoc('logging-test-article').add('State', 'pakistan').build();
    const entries = await logOf(() =>
      api.gql(
        `mutation LogIngest($document: JSON!) { ingestArticle(document: $document) { outcome } }`,
        { document },
        {
          token: API_TOKEN,
        },
      ),
    );
    const statements = entries.filter((entry) => entry.msg === 'cypher');
    expect(statements.some((entry) => String(entry.cypher).includes('MERGE (a:Article'))).toBe(true);
    expect(statements.every((entry) => entry.operation === 'LogIngest')).toBe(true);
    const request = entries.find((entry) => entry.msg === 'graphql request');
    expect(request).toMatchObject({ status: 200, cypherQueries: statements.length });
    const transactions = entries.filter((entry) => entry.msg === 'write transaction committed');
    expect(transactions.map((entry) => entry.step)).toContain('write new articles');
    expect(transactions.find((entry) => entry.step === 'write new articles')).toMatchObject({
      operation: 'LogIngest',
      articles: 1,
      firstArticle: 'logging-test-article',
      ms: expect.any(Number),
    });
  });
});

describe('secrets', () => {
  test('neither the Neo4j password nor the API token appears in any log line', async () => {
    const document = articleDoc('logging-secrets-article').add('State', 'pakistan').build();
    await api.gql(
      `mutation Ingest($document: JSON!) { ingestArticle(document: $document) { outcome } }`,
      { document },
      {
        token: API_TOKEN,
      },
    );
    await api.gql(
      `mutation Remove { removeArticle(id: "logging-secrets-article") { articleId } }`,
      {},
      {
        token: API_TOKEN,
      },
    );
    await api.gql(`mutation Wrong { removeArticle(id: "x") { articleId } }`, {}, { token: `${API_TOKEN}-wrong` });

    // The same server, configured with a password Neo4j refuses.
    const wrongPassword = 'not-the-neo4j-password';
    const badConfig = loadConfig({ ...process.env, API_TOKEN, LOG_LEVEL: 'trace', NEO4J_PASSWORD: wrongPassword });
    const badLog = captureLog(badConfig);
    const refused = await openApi({
      log: badLog.log,
      db: openDb(badConfig),
      env: { NEO4J_PASSWORD: wrongPassword },
    });
    const answer = await refused.gql(ENTITY_QUERY, {}, { token: API_TOKEN });
    expect(answer.status).toBe(503);
    expect(badLog.entries().find((entry) => entry.msg === 'graphql request')).toMatchObject({
      level: 40,
      errorCodes: ['SERVICE_UNAVAILABLE:DATABASE_AUTH_FAILED'],
    });

    const everything = [...captured.lines, ...badLog.lines].join('');
    expect(everything.length).toBeGreaterThan(0);
    for (const secret of [config.NEO4J_PASSWORD, API_TOKEN, wrongPassword]) expect(everything).not.toContain(secret);
  });
});
