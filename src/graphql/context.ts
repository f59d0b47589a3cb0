import type { Config } from '../config.ts';
import { newTrace, type QueryTrace } from '../db/cypher-trace.ts';
import type { Db } from '../db/driver.ts';
import { createQueryRunner, deadlineIn, type CountingQueryRunner, type Deadline } from '../db/query-runner.ts';
import type { Logger } from '../log/logger.ts';
import { requestIdOf } from '../log/request-id.ts';
import { ingestLimitsOf, type IngestLimits, type IngestLimitSettings } from '../ingest/ingest-limits.ts';
import { authenticate, type AuthState } from './auth.ts';
import { mapNeo4jError } from './errors.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface GraphQLContext {
  /** The database, for this request: its Cypher named, counted and logged through `trace`. */
  db: Db;
  /**
   * The request's Cypher: the metadata its transactions carry (the request id, and the
   * operation once parsed: src/graphql/request-log.plugin.ts names it before any resolver
   * runs), how many queries it sent, its logger.
   */
  trace: QueryTrace;
  /** Every read of this request goes through it; `queries.count` is the request's cost. */
  queries: CountingQueryRunner;
  loaders: Loaders;
  auth: AuthState;
  /** Set when the request arrives; the request and its Cypher stop there (REQUEST_TIMEOUT). */
  deadline: Deadline;
  /** Caps on a document sent to ingestArticle. */
  ingestLimits: IngestLimits;
}

export type RequestBudgetConfig = Pick<
  Config,
  'REQUEST_TIMEOUT_MS' | 'QUERY_TIMEOUT_MS' | 'MAX_QUERIES_PER_REQUEST' | 'MAX_CONCURRENT_QUERIES_PER_REQUEST'
>;

export interface ContextDeps {
  db: Db;
  config: Pick<Config, 'API_TOKEN'> & RequestBudgetConfig & IngestLimitSettings;
  log?: Logger;
}

/** A plain function of the request, so tests can build a context without a server. */
export function createContext(deps: ContextDeps, request: Pick<Request, 'headers'>): GraphQLContext {
  const { config } = deps;
  const deadline = deadlineIn(config.REQUEST_TIMEOUT_MS);
  const requestId = requestIdOf(request);
  const trace = newTrace({ operation: 'graphql', requestId }, deps.log?.child({ requestId }));
  const db: Db = { ...deps.db, trace };
  const queries = createQueryRunner(db, {
    timeoutMs: config.QUERY_TIMEOUT_MS,
    deadline,
    maxQueries: config.MAX_QUERIES_PER_REQUEST,
    maxConcurrent: config.MAX_CONCURRENT_QUERIES_PER_REQUEST,
    mapError: mapNeo4jError,
  });
  return {
    db,
    trace,
    queries,
    loaders: createLoaders(queries),
    auth: authenticate(request.headers.get('authorization'), config.API_TOKEN),
    deadline,
    ingestLimits: ingestLimitsOf(config),
  };
}
