import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { DEFAULT_NEO4J_PASSWORD } from '../../../src/env/fields.ts';
import neo4j from 'neo4j-driver';
import type { Db } from '../../../src/db/driver.ts';
import { startServer } from '../../../src/server.ts';
import { captureLog, type CapturedLog } from '../../fixtures/captured-log.ts';
import { freePort } from '../helpers/free-port.ts';
import { firstError, openApi } from './harness.ts';

const api = await openApi({ env: { GRAPHIQL: 'true' } });
/** The API pointed at a port where no Neo4j listens; the driver gives up retrying after a second. */
const unreachable = await openApi({
  db: {
    driver: neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'unused-password'), {
      maxTransactionRetryTime: 1_000,
    }),
    database: 'neo4j',
  },
});
/** The server's log, kept in memory: its errors are expected here, and asserted on. */
const serverLog = (): CapturedLog =>
  captureLog({ LOG_LEVEL: 'info', NODE_ENV: 'test', NEO4J_PASSWORD: '', API_TOKEN: undefined });
const productionLog = serverLog();
const developmentLog = serverLog();
const unsetLog = serverLog();
/** In production, over a database name that does not exist: every query fails unexpectedly. */
const production = await openApi({
  nodeEnv: 'production',
  graph: 'as-is',
  db: { ...api.db, database: 'no-such-database' },
  log: productionLog.log,
});
const development = await openApi({
  nodeEnv: 'development',
  graph: 'as-is',
  db: { ...api.db, database: 'no-such-database' },
  log: developmentLog.log,
});
/** As a plain `npm start` runs it: NODE_ENV and every other new variable unset. */
const unset = await openApi({
  nodeEnv: null,
  graph: 'as-is',
  db: { ...api.db, database: 'no-such-database' },
  log: unsetLog.log,
});
/** What `app` answered to `query`, and what its server logged meanwhile. */
async function answerAndLog(app: typeof api, log: CapturedLog, query: string) {
  const before = log.lines.length;
  const result = await app.gql(query);
  return { result, logged: log.lines.slice(before).join('') };
}
const withOrigins = await openApi({
  graph: 'as-is',
  db: api.db,
  env: { CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' },
});

const OTHER_ORIGIN = 'https://evil.example.com';
const preflight = (app: typeof api, path: string, origin: string) =>
  app.app.yoga.fetch(`http://api.test${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
const postFrom = (app: typeof api, origin: string) =>
  app.app.yoga.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

const get = (app: typeof api, path: string, headers: Record<string, string> = {}) =>
  app.app.yoga.fetch(`http://api.test${path}`, { headers });

describe('HTTP', () => {
  test('/healthz answers while the process is up, even without the database', async () => {
    expect((await get(api, '/healthz')).status).toBe(200);
    expect((await get(unreachable, '/healthz')).status).toBe(200);
  });

  test('/readyz answers 200 only while Neo4j answers', async () => {
    expect((await get(api, '/readyz')).status).toBe(200);
    expect((await get(unreachable, '/readyz')).status).toBe(503);
  });

  test('GET /graphql in a browser opens GraphiQL with example queries about the seed article', async () => {
    const response = await get(api, '/graphql', { accept: 'text/html' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('WhoCriticizesTheTaliban');
    expect(html).toContain('2024-10-03-korybko-quadrilateral-statement');
  });

  test('the Neo4j Browser style and guide are served beside the API, cross-origin', async () => {
    const guide = await get(api, '/browser/guide.html');
    expect(guide.status).toBe(200);
    expect(guide.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get(api, '/browser/nothing-here')).status).toBe(404);
  });

  test('an unreachable database is SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, not an internal error', async () => {
    const { status, headers, body } = await unreachable.gql(`{ entity(id: "taliban") { name } }`);
    expect(firstError(body).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNREACHABLE' });
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test("unexpected errors are masked in production, explained in development, and in the server's log in both", async () => {
    const query = `{ search(query: "taliban") { name } }`;
    const inProduction = await answerAndLog(production, productionLog, query);
    const masked = firstError(inProduction.result.body);
    expect(masked.message).toBe('Unexpected error.');
    expect(JSON.stringify(masked)).not.toContain('no-such-database');
    expect(inProduction.logged).toContain('no-such-database');
    const inDevelopment = await answerAndLog(development, developmentLog, query);
    expect(JSON.stringify(firstError(inDevelopment.result.body))).toContain('no-such-database');
    expect(inDevelopment.logged).toContain('no-such-database');
  });
});

describe('safe defaults', () => {
  test("with NODE_ENV unset, unexpected errors are masked: no stack trace, no Neo4j message (the server's log has them)", async () => {
    const { result, logged } = await answerAndLog(unset, unsetLog, '{ search(query: "taliban") { name } }');
    const masked = firstError(result.body);
    expect(masked.message).toBe('Unexpected error.');
    expect(JSON.stringify(masked)).not.toMatch(/no-such-database|stack|\.ts:\d+/);
    expect(logged).toContain('no-such-database');
  });

  test('GraphiQL is off unless GRAPHIQL is set', async () => {
    const response = await get(unset, '/graphql', { accept: 'text/html' });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await response.text()).not.toContain('WhoCriticizesTheTaliban');
  });

  test('introspection is refused unless enabled (GRAPHIQL or INTROSPECTION)', async () => {
    expect(firstError((await unset.gql('{ __schema { types { name } } }')).body).extensions.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const { body } = await api.gql('{ __schema { queryType { name } } }');
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  test("GraphiQL's own introspection query fits every operation limit", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const { status, body } = await api.gql(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  test('npm start refuses to start with NODE_ENV=production and the default Neo4j password', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      env: { ...process.env, NODE_ENV: 'production', NEO4J_PASSWORD: DEFAULT_NEO4J_PASSWORD, PORT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output).toContain('refusing to start with NODE_ENV=production');
  }, 30_000);

  test('another origin gets no Access-Control-Allow-Origin and never credentials', async () => {
    for (const response of [
      await preflight(api, '/graphql', OTHER_ORIGIN),
      await postFrom(api, OTHER_ORIGIN),
      await postFrom(withOrigins, OTHER_ORIGIN),
    ]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  test('an origin listed in CORS_ORIGINS may call the API, without credentials', async () => {
    const allowed = await preflight(withOrigins, '/graphql', 'http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await postFrom(withOrigins, 'https://app.example.org')).headers.get('access-control-allow-origin')).toBe(
      'https://app.example.org',
    );
  });

  test('the Neo4j Browser kit answers every origin with *, preflight included, without credentials', async () => {
    const guide = await get(api, '/browser/guide.html', { origin: 'http://localhost:7474' });
    expect(guide.headers.get('access-control-allow-origin')).toBe('*');
    expect(guide.headers.get('access-control-allow-credentials')).toBeNull();
    const kitPreflight = await preflight(api, '/browser/guide.html', 'http://localhost:7474');
    expect(kitPreflight.status).toBeLessThan(300);
    expect(kitPreflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('request size', () => {
  test('a body above MAX_REQUEST_BYTES is refused with 413 PAYLOAD_TOO_LARGE, one without a length with 411', async () => {
    const config = {
      ...loadConfig({ ...process.env, MAX_REQUEST_BYTES: '10000' }),
      PORT: await freePort(),
      HOST: '127.0.0.1',
    };
    const server = await startServer({ config, db: api.db });
    try {
      const post = (body: BodyInit, init: RequestInit = {}) =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
      const large = await post(JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(20_000) } }));
      expect(large.status).toBe(413);
      expect(await large.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', max: 10000 } }] });
      const chunks = new ReadableStream({
        start: (controller) => (
          controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}')),
          controller.close()
        ),
      });
      const unsized = await post(chunks, { duplex: 'half' } as RequestInit);
      expect(unsized.status).toBe(411);
      expect((await post(JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
    } finally {
      await server.close(1_000);
    }
  });
});

describe('graceful shutdown', () => {
  test('close() lets an in-flight request finish, then stops accepting', async () => {
    const config = { ...loadConfig(), PORT: await freePort(), HOST: '127.0.0.1' };
    // A driver whose reads wait until close() has been called, so the request is surely in flight then.
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const closeCalled = new Promise<void>((resolve) => (release = resolve));
    const slowDriver = new Proxy(api.db.driver, {
      get(target, property, receiver) {
        if (property !== 'executeQuery') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<typeof target.executeQuery>) => {
          started();
          await closeCalled;
          return target.executeQuery(...args);
        };
      },
    });
    const db: Db = { driver: slowDriver, database: api.db.database };
    const server = await startServer({ config, db });
    const request = fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "taliban") { name } }' }),
    });
    await inFlight;
    const closing = server.close();
    release();
    const response = await request;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { entity: { name: 'Taliban' } } });
    await closing;
    await expect(fetch(server.url, { method: 'POST' })).rejects.toThrow();
  });

  test('npm start stops on SIGTERM with exit code 0, closing the driver', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!output.includes('GraphQL API on') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toContain(`http://127.0.0.1:${port}/graphql`);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain('Stopped.');
  }, 60_000);
});
