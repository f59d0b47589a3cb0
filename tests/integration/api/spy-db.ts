/**
 * A database connection that records what the API sends: every executeQuery call with its
 * transaction timeout, and the most queries in flight at once. `delayMs` holds each query
 * back first, so that concurrency and deadlines can be observed.
 */
import type { Db } from '../../../src/db/driver.ts';

export interface SpyDb extends Db {
  readonly calls: Array<{ cypher: string; timeoutMs: number | undefined }>;
  readonly maxInFlight: number;
  reset(): void;
}

export function spyOn(db: Db, { delayMs = 0 } = {}): SpyDb {
  const calls: SpyDb['calls'] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      if (property !== 'executeQuery') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<typeof target.executeQuery>) => {
        const [cypher, , config] = args;
        calls.push({ cypher: String(cypher), timeoutMs: config?.transactionConfig?.timeout as number | undefined });
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          return await target.executeQuery(...args);
        } finally {
          inFlight -= 1;
        }
      };
    },
  });
  return {
    driver,
    database: db.database,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    reset() {
      calls.length = 0;
      maxInFlight = 0;
    },
  };
}
