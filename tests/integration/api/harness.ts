/**
 * The API in-process, over HTTP semantics (`yoga.fetch`), against the test Neo4j. Each test
 * file opens its own app and database connection and loads the fixture once.
 */
import { afterAll } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import { openDb, type Db } from '../../../src/db/driver.ts';
import { migrate } from '../../../src/db/migrate.ts';
import type { Logger } from '../../../src/log/logger.ts';
import { createApp, type App } from '../../../src/server.ts';
import { loadApiFixture } from './fixture.ts';

export const API_TOKEN = 'integration-test-token-0123456789';

export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions: Record<string, unknown> & { code?: string; field?: string };
}

export interface GraphQLBody {
  // Tests read the data of the query they wrote; typing each shape would only restate the query.
  data?: any;
  errors?: GraphQLErrorBody[];
  extensions?: { cypherQueries?: number };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: GraphQLBody;
}

export interface ApiUnderTest {
  db: Db;
  app: App;
  /** POST /graphql; `token` goes in `Authorization: Bearer`. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  /** POST /graphql with this exact body (e.g. JSON too deep for JSON.stringify to write). */
  post(body: string, options?: { token?: string; headers?: Record<string, string> }): Promise<ApiResponse>;
  /** Fails the test with the errors when the response has any. */
  data(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody['data']>;
}

export interface OpenOptions {
  /** The server's API_TOKEN; null starts it without one (mutations disabled). */
  apiToken?: string | null;
  /** null leaves NODE_ENV unset, as a plain `npm start` does. */
  nodeEnv?: Config['NODE_ENV'] | null;
  /** Load the fixture (default), start from an empty graph, or leave the database as it is. */
  graph?: 'fixture' | 'empty' | 'as-is';
  /** Replace the database connection (e.g. one that cannot reach Neo4j). */
  db?: Db;
  /** More environment variables for the server's config, e.g. `{ MAX_DEPTH: '3' }`. */
  env?: Record<string, string>;
  /** The server's logger (default: one from the config, silent under test). */
  log?: Logger;
}

export async function openApi(options: OpenOptions = {}): Promise<ApiUnderTest> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: options.nodeEnv ?? 'test',
    API_TOKEN: options.apiToken ?? API_TOKEN,
    // Request lines in the test output would read like output of the tests; a test wanting them passes `log`.
    LOG_LEVEL: 'silent',
    ...options.env,
  };
  if (options.apiToken === null) delete env.API_TOKEN;
  if (options.nodeEnv === null) delete env.NODE_ENV;
  const config = loadConfig(env);
  const db = options.db ?? openDb(config);
  const graph = options.graph ?? (options.db ? 'as-is' : 'fixture');
  if (graph === 'fixture') await loadApiFixture(db);
  if (graph === 'empty') {
    await migrate(db);
    await resetGraph(db);
  }
  const app = createApp({ config, db, log: options.log });
  afterAll(async () => {
    await app.yoga.dispose();
    await db.driver.close();
  });

  const post: ApiUnderTest['post'] = async (body, { token, headers } = {}) => {
    const response = await app.yoga.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
  };
  const gql: ApiUnderTest['gql'] = (query, variables, options) => post(JSON.stringify({ query, variables }), options);

  return {
    db,
    app,
    gql,
    post,
    async data(query, variables) {
      const { body } = await gql(query, variables);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      return body.data;
    },
  };
}

/** The first error of a response, for asserting its code and field. */
export function firstError(body: GraphQLBody): GraphQLErrorBody {
  const [error] = body.errors ?? [];
  if (!error) throw new Error(`Expected an error, got ${JSON.stringify(body)}`);
  return error;
}
