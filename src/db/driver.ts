import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import type { QueryTrace } from './cypher-trace.ts';

/**
 * How long the driver retries a transaction that failed for a transient reason (Neo4j
 * unreachable, a leader switch). Well inside the API's request deadline: while Neo4j is down a
 * request should be told so (503 SERVICE_UNAVAILABLE, Retry-After), not wait out its deadline
 * in retries and get a timeout.
 */
function retryWindowMs(config: Partial<Pick<Config, 'REQUEST_TIMEOUT_MS'>>): number {
  return config.REQUEST_TIMEOUT_MS === undefined
    ? 15_000
    : Math.min(15_000, Math.floor(config.REQUEST_TIMEOUT_MS * 0.3));
}

/**
 * How long one connection attempt may take. While Neo4j starts, its port accepts connections
 * before it answers them: an attempt then waits this long, and the retry window plus an attempt
 * must stay inside the request deadline (a request sent as Neo4j came up once got a 504 after
 * 10 s, with 5 s attempts, instead of a 503).
 */
function connectionTimeoutMs(config: Partial<Pick<Config, 'REQUEST_TIMEOUT_MS'>>): number {
  return config.REQUEST_TIMEOUT_MS === undefined
    ? 5_000
    : Math.min(5_000, Math.max(1_000, Math.floor(config.REQUEST_TIMEOUT_MS * 0.2)));
}

/** What a database connection needs: a Config, or the same four variables for a test's or the bench's Neo4j. */
export type DbConfig = Pick<Config, 'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD' | 'NEO4J_DATABASE'> &
  Partial<Pick<Config, 'REQUEST_TIMEOUT_MS'>>;

function createDriver(config: DbConfig): Driver {
  return neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    userAgent: 'geopolitics-graph',
    maxConnectionPoolSize: 50,
    // Fail within seconds when Neo4j is down, instead of the driver's default minute of
    // retries: an API request or a seed run should say so, not hang. Below the API's request
    // deadline (10 s by default), so that a full pool answers 503 DATABASE_BUSY rather than a
    // timeout; not below connectionTimeout, which the driver would then ignore.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: connectionTimeoutMs(config),
    maxTransactionRetryTime: retryWindowMs(config),
  });
}

/** The database every query goes to: what the repositories, the writers and the API take. */
export interface Db {
  driver: Driver;
  /** Always named in sessions: saves a round trip to resolve the home database. */
  database: string;
  /** Names, counts and logs the Cypher run through this Db (src/db/cypher-trace.ts). */
  trace?: QueryTrace;
}

/** A Db its opener owns: closing it closes the driver and its connection pool. */
export interface OpenedDb extends Db, AsyncDisposable {
  close(): Promise<void>;
}

/**
 * The one way to connect to Neo4j: a driver with this project's settings (integers as numbers,
 * bounded retries and timeouts), one per process, since it owns the connection pool.
 * `await using db = openDb(config)` closes it when the block ends.
 */
export function openDb(config: DbConfig): OpenedDb {
  const driver = createDriver(config);
  const close = () => driver.close();
  return { driver, database: config.NEO4J_DATABASE, close, [Symbol.asyncDispose]: close };
}
