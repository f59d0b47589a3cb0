import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';

/** One driver per process: it owns the connection pool. */
export function createDriver(config: Pick<Config, 'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD'>): Driver {
  return neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    userAgent: 'geopolitics-graph',
    maxConnectionPoolSize: 50,
    // Fail within seconds when Neo4j is down, instead of the driver's default minute of
    // retries: an API request or a seed run should say so, not hang. Below the API's request
    // deadline (10 s by default), so that a full pool answers 503 DATABASE_BUSY rather than a
    // timeout; not below connectionTimeout, which the driver would then ignore.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 15_000,
  });
}

export interface Db {
  driver: Driver;
  /** Always named in sessions: saves a round trip to resolve the home database. */
  database: string;
}
