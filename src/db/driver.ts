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

/** One driver per process: it owns the connection pool. */
export function createDriver(
  config: Pick<Config, 'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD'> & Partial<Pick<Config, 'REQUEST_TIMEOUT_MS'>>,
): Driver {
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

export interface Db {
  driver: Driver;
  /** Always named in sessions: saves a round trip to resolve the home database. */
  database: string;
  /** Names, counts and logs the Cypher run through this Db (src/db/cypher-trace.ts). */
  trace?: QueryTrace;
}
