/**
 * How the code's Cypher can be seen: each transaction carries metadata naming the work it
 * does (`SHOW TRANSACTIONS YIELD metaData` in Neo4j Browser tells which request or run it
 * belongs to), and at debug level each query is logged with its parameters, time and rows.
 */
import neo4j, { type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Logger } from '../log/logger.ts';
import type { Db } from './driver.ts';

export const APP_NAME = 'geopolitics-graph';

/** The work a Db is used for: the GraphQL operation and request for the API, `seed` for the CLI. */
export interface WorkMetadata {
  operation: string;
  requestId?: string;
}

/**
 * What a Db does in the name of one piece of work. Read at each query, so the API can name
 * the operation once it is parsed, after the Db was made.
 */
export interface QueryTrace {
  /** In every transaction's metadata, with the app's name and the step. */
  metadata: WorkMetadata;
  /** Each Cypher query at debug level, with its parameters, time and rows. */
  log?: Logger;
  /** Cypher queries sent so far: reads and the statements of write transactions. */
  queries: number;
}

export const newTrace = (metadata: WorkMetadata, log?: Logger): QueryTrace => ({ metadata, log, queries: 0 });

/** Values Neo4j keeps as transaction metadata (any Cypher value would do; these are enough). */
export type MetadataDetail = Record<string, string | number>;

/** The app, the caller's work, and the step. */
export const transactionMetadata = (db: Db, detail: MetadataDetail = {}) => ({
  app: APP_NAME,
  ...db.trace?.metadata,
  ...detail,
});

/** Lists longer than this are logged as their first items and a count: a batch holds thousands of rows. */
const LOGGED_ITEMS = 10;

/** A query's parameters as logged: every list at most LOGGED_ITEMS long. */
export function abbreviate(value: unknown): unknown {
  if (Array.isArray(value)) {
    const shown = value.slice(0, LOGGED_ITEMS).map(abbreviate);
    return value.length > LOGGED_ITEMS ? [...shown, `… ${value.length - LOGGED_ITEMS} more`] : shown;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, abbreviate(item)]));
  }
  return value;
}

const debugLog = (db: Db): Logger | undefined =>
  db.trace?.log?.isLevelEnabled('debug') === true ? db.trace.log : undefined;

/** Counts a query about to be sent; returns what logs it at debug level once it has finished. */
function startQuery(db: Db, cypher: string, params: Record<string, unknown>) {
  if (db.trace) db.trace.queries += 1;
  const log = debugLog(db);
  const startedAt = performance.now();
  return (outcome: { rows: number } | { error: unknown }) => {
    if (!log) return;
    const fields = {
      operation: db.trace?.metadata.operation,
      cypher,
      params: abbreviate(params),
      ms: Math.round(performance.now() - startedAt),
    };
    if ('rows' in outcome) log.debug({ ...fields, rows: outcome.rows }, 'cypher');
    else log.debug({ ...fields, err: outcome.error }, 'cypher failed');
  };
}

/**
 * A read outside the API's query runner (which adds its budget and deadline): routed to a
 * reader, sharing the driver's bookmarks, named and traced.
 */
export async function executeRead(
  db: Db,
  cypher: string,
  params: Record<string, unknown> = {},
  options: { timeoutMs?: number; detail?: MetadataDetail } = {},
): Promise<QueryResult<RecordShape>> {
  const finished = startQuery(db, cypher, params);
  try {
    const result = await db.driver.executeQuery(cypher, params, {
      database: db.database,
      routing: neo4j.routing.READ,
      transactionConfig: {
        ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
        metadata: transactionMetadata(db, options.detail),
      },
    });
    finished({ rows: result.records.length });
    return result;
  } catch (error) {
    finished({ error });
    throw error;
  }
}

/** The transaction, its `run` counting and logging each query. */
function traced(db: Db, tx: ManagedTransaction): ManagedTransaction {
  if (!db.trace) return tx;
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== 'run') return Reflect.get(target, property, receiver) as unknown;
      return (cypher: string, params: Record<string, unknown> = {}) => {
        const finished = startQuery(db, cypher, params);
        const result = target.run(cypher, params);
        // A result caches its promise: this second subscriber sees what the caller awaits.
        result.then(
          ({ records }) => finished({ rows: records.length }),
          (error: unknown) => finished({ error }),
        );
        return result;
      };
    },
  });
}

/**
 * A write transaction (retried by the driver on transient errors), sharing the API's
 * bookmarks so a read after it sees it; named by the Db's metadata and `detail`, its queries
 * traced, its duration logged at debug level.
 */
export async function executeWrite<T>(
  db: Db,
  detail: MetadataDetail,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = db.driver.session({ database: db.database, bookmarkManager: db.driver.executeQueryBookmarkManager });
  const metadata = transactionMetadata(db, detail);
  const startedAt = performance.now();
  try {
    const result = await session.executeWrite((tx) => work(traced(db, tx)), { metadata });
    const { app: _app, requestId: _requestId, ...named } = metadata;
    debugLog(db)?.debug({ ...named, ms: Math.round(performance.now() - startedAt) }, 'write transaction committed');
    return result;
  } finally {
    await session.close();
  }
}
