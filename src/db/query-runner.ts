import neo4j from 'neo4j-driver';
import { executeRead } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { Semaphore } from './semaphore.ts';

export type Row = Record<string, unknown>;

/** The one way the repositories read: a parameterised query, records as plain objects. */
export interface QueryRunner {
  read(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** A runner that counts its queries, so a request's cost can be reported and tested. */
export interface CountingQueryRunner extends QueryRunner {
  readonly count: number;
}

/** The runner's budget of queries is spent: the query was not sent. */
export class QueryBudgetExceeded extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} queries`);
  }
}

/** The runner's deadline has passed: the query was not sent. */
export class RequestDeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`deadline of ${timeoutMs} ms passed`);
  }
}

/** A point in time after which nothing more is sent; `timeoutMs` is the budget it was set from. */
export interface Deadline {
  readonly timeoutMs: number;
  remainingMs(): number;
}

export const deadlineIn = (timeoutMs: number, now = () => performance.now()): Deadline => {
  const end = now() + timeoutMs;
  return { timeoutMs, remainingMs: () => Math.floor(end - now()) };
};

export interface QueryRunnerOptions {
  /** Server-side limit per query: a runaway pattern fails instead of holding the database. */
  timeoutMs?: number;
  /** When set, each query's timeout is also at most the time left, and none starts after it. */
  deadline?: Deadline;
  /** Queries this runner may send in all; one more fails with QueryBudgetExceeded. */
  maxQueries?: number;
  /** Queries in flight at once; the others wait their turn (each holds a pooled connection). */
  maxConcurrent?: number;
  /** Turns driver errors into the caller's errors (the API maps them to coded GraphQL errors). */
  mapError?: (error: unknown) => unknown;
}

/** Below this, a query could not do anything useful before the deadline: do not send it. */
const MIN_QUERY_TIMEOUT_MS = 10;

export function createQueryRunner(db: Db, options: QueryRunnerOptions = {}): CountingQueryRunner {
  const {
    timeoutMs = 15_000,
    deadline,
    maxQueries = Infinity,
    maxConcurrent = Infinity,
    mapError = (error: unknown) => error,
  } = options;
  const slots = new Semaphore(maxConcurrent);
  let count = 0;

  const queryTimeout = (): number => {
    if (!deadline) return timeoutMs;
    const remaining = deadline.remainingMs();
    if (remaining < MIN_QUERY_TIMEOUT_MS) throw new RequestDeadlineExceeded(deadline.timeoutMs);
    return Math.min(timeoutMs, remaining);
  };

  return {
    get count() {
      return count;
    },
    async read(cypher, params = {}) {
      try {
        if (count >= maxQueries) throw new QueryBudgetExceeded(maxQueries);
        count += 1;
        return await slots.use(async () => {
          // executeQuery runs in session.executeRead (retried, routed to a reader in a cluster)
          // and shares the driver's bookmark manager, so reads see the API's own earlier writes.
          // The timeout is read after the wait for a slot, so waiting counts against the deadline.
          const result = await executeRead(db, cypher, params, { timeoutMs: queryTimeout() });
          return result.records.map((record) => record.toObject() as Row);
        });
      } catch (error) {
        throw mapError(error);
      }
    },
  };
}

/** JS numbers travel as FLOAT; LIMIT and list slices need an INTEGER. */
export const integer = (value: number) => neo4j.int(value);
