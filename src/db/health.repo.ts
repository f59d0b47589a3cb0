import neo4j from 'neo4j-driver';
import { transactionMetadata } from './cypher-trace.ts';
import type { Db } from './driver.ts';

/**
 * True while the database answers a trivial read within `timeoutMs`. A query alone would not
 * do: while Neo4j is down the driver retries it for its whole retry window (a minute), and
 * probes would pile up. Connectivity is checked first, which fails at once when nothing listens.
 */
export async function databaseAnswers(db: Db, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = (async () => {
    await db.driver.verifyConnectivity({ database: db.database });
    // The timeout too, so that no Cypher of the API runs without one.
    await db.driver.executeQuery(
      'RETURN 1 AS ok',
      {},
      {
        database: db.database,
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: timeoutMs, metadata: transactionMetadata(db, { step: 'readiness' }) },
      },
    );
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
