import neo4j from 'neo4j-driver';
import type { Db } from './driver.ts';

export type Row = Record<string, unknown>;

/** The one way the repositories read: a parameterised query, records as plain objects. */
export interface QueryRunner {
  read(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** A runner that counts its queries, so a request's cost can be reported and tested. */
export interface CountingQueryRunner extends QueryRunner {
  readonly count: number;
}

export interface QueryRunnerOptions {
  /** Server-side limit per query: a runaway pattern fails instead of holding the database. */
  timeoutMs?: number;
  /** Turns driver errors into the caller's errors (the API maps them to coded GraphQL errors). */
  mapError?: (error: unknown) => unknown;
}

export function createQueryRunner(db: Db, options: QueryRunnerOptions = {}): CountingQueryRunner {
  const { timeoutMs = 15_000, mapError = (error: unknown) => error } = options;
  let count = 0;
  return {
    get count() {
      return count;
    },
    async read(cypher, params = {}) {
      count += 1;
      try {
        // executeQuery runs in session.executeRead (retried, routed to a reader in a cluster)
        // and shares the driver's bookmark manager, so reads see the API's own earlier writes.
        const result = await db.driver.executeQuery(cypher, params, {
          database: db.database,
          routing: neo4j.routing.READ,
          transactionConfig: { timeout: timeoutMs },
        });
        return result.records.map((record) => record.toObject() as Row);
      } catch (error) {
        throw mapError(error);
      }
    },
  };
}

/** JS numbers travel as FLOAT; LIMIT and list slices need an INTEGER. */
export const integer = (value: number) => neo4j.int(value);
