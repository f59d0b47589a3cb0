/**
 * A database connection that records the access mode of every transaction the code under test
 * opens, and what the server said each of its queries did (the result summary's `queryType`:
 * `r` read only, `rw`, `w`, `s` schema). With it a test can tell a read sent as a write (a WRITE
 * transaction whose every query was `r`: on a cluster it loads the leader instead of a reader)
 * from a write, whatever the Cypher's text looks like. A write sent as a read needs no probe:
 * Neo4j refuses it (Neo.ClientError.Statement.AccessMode), single instance or cluster.
 *
 * It watches the driver's public entry points: `executeQuery` (READ routing runs
 * `session.executeRead`, anything else `session.executeWrite`), and sessions' `run`
 * (auto-commit, in the session's `defaultAccessMode`, WRITE unless set), `executeRead`,
 * `executeWrite` and `beginTransaction`.
 */
import { relative, resolve } from 'node:path';
import type { Driver, ManagedTransaction, Session, SessionConfig } from 'neo4j-driver';
import type { Db } from '../../../src/db/driver.ts';

export type AccessMode = 'READ' | 'WRITE';

export interface ObservedQuery {
  /** The first line of the Cypher, trimmed. */
  cypher: string;
  /** From the result summary; null until the result was read, or when the query failed. */
  queryType: string | null;
}

export interface ObservedTransaction {
  api: 'executeQuery' | 'executeRead' | 'executeWrite' | 'session.run' | 'beginTransaction';
  mode: AccessMode;
  /** Where src/ opened it (`src/…/file.ts:line`), or `(outside src)`. */
  site: string;
  queries: ObservedQuery[];
}

export interface ProbedDb extends Db {
  /** Every transaction opened since the last reset, in order (a retried one once per attempt). */
  readonly transactions: ObservedTransaction[];
  reset(): void;
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SRC = `${resolve(ROOT, 'src')}/`;

/** Opens every transaction for its callers (src/db/cypher-trace.ts): the caller is the site. */
const SHARED_ENTRY = `${SRC}db/cypher-trace.ts`;

/** The first stack frame in src/ past the shared entry: who opened the transaction. */
function callSite(): string {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const match = /(?:\(|at |file:\/\/)(\/[^():]+\.ts):(\d+)/.exec(line);
    if (match?.[1]?.startsWith(SRC) && !match[1].includes('node_modules') && match[1] !== SHARED_ENTRY)
      return `${relative(ROOT, match[1])}:${match[2]}`;
  }
  return '(outside src)';
}

const firstLine = (query: unknown) =>
  String(typeof query === 'object' && query && 'text' in query ? query.text : query)
    .trim()
    .split('\n')[0]!
    .trim();

/** Records the query type once whoever awaits the result has it; nothing else changes. */
function observeResult<R extends PromiseLike<{ summary: { queryType?: string } }>>(result: R, query: ObservedQuery): R {
  return new Proxy(result, {
    get(target, property) {
      if (property === 'then') {
        return (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
          target
            .then((value) => {
              query.queryType = value.summary.queryType ?? null;
              return value;
            })
            .then(onFulfilled, onRejected);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function observeTransaction<T extends Pick<ManagedTransaction, 'run'>>(tx: T, transaction: ObservedTransaction): T {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'run') {
        return (...args: Parameters<ManagedTransaction['run']>) => {
          const query: ObservedQuery = { cypher: firstLine(args[0]), queryType: null };
          transaction.queries.push(query);
          return observeResult((target as Pick<ManagedTransaction, 'run'>).run(...args), query);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function probeAccessModes(db: Db): ProbedDb {
  const transactions: ObservedTransaction[] = [];
  const open = (api: ObservedTransaction['api'], mode: AccessMode, site: string): ObservedTransaction => {
    const transaction: ObservedTransaction = { api, mode, site, queries: [] };
    transactions.push(transaction);
    return transaction;
  };

  const observeSession = (session: Session, config: SessionConfig | undefined): Session => {
    const sessionMode: AccessMode = config?.defaultAccessMode === 'READ' ? 'READ' : 'WRITE';
    return new Proxy(session, {
      get(target, property) {
        if (property === 'run') {
          return (...args: Parameters<Session['run']>) => {
            const transaction = open('session.run', sessionMode, callSite());
            const query: ObservedQuery = { cypher: firstLine(args[0]), queryType: null };
            transaction.queries.push(query);
            return observeResult(target.run(...args), query);
          };
        }
        if (property === 'executeRead' || property === 'executeWrite') {
          return <T>(
            work: (tx: ManagedTransaction) => Promise<T> | T,
            txConfig?: Parameters<Session['executeRead']>[1],
          ) => {
            const site = callSite();
            const mode: AccessMode = property === 'executeRead' ? 'READ' : 'WRITE';
            return target[property]((tx) => work(observeTransaction(tx, open(property, mode, site))), txConfig);
          };
        }
        if (property === 'beginTransaction') {
          return (...args: Parameters<Session['beginTransaction']>) =>
            observeTransaction(target.beginTransaction(...args), open('beginTransaction', sessionMode, callSite()));
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };

  const driver = new Proxy(db.driver, {
    get(target, property) {
      if (property === 'executeQuery') {
        const executeQuery = async (...args: Parameters<Driver['executeQuery']>) => {
          const [query, , config] = args;
          const transaction = open('executeQuery', config?.routing === 'READ' ? 'READ' : 'WRITE', callSite());
          const observed: ObservedQuery = { cypher: firstLine(query), queryType: null };
          transaction.queries.push(observed);
          const result: unknown = await target.executeQuery(...args);
          const summary = (result as { summary?: { queryType?: string } } | null)?.summary;
          observed.queryType = summary?.queryType ?? null;
          return result;
        };
        return executeQuery as Driver['executeQuery'];
      }
      if (property === 'session') {
        return (config?: SessionConfig) => observeSession(target.session(config), config);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  return {
    driver,
    database: db.database,
    transactions,
    reset() {
      transactions.length = 0;
    },
  };
}

/** WRITE transactions in which every query only read: reads that a cluster's readers should have served. */
export function readsSentAsWrite(transactions: readonly ObservedTransaction[]): ObservedTransaction[] {
  return transactions.filter(
    (transaction) =>
      transaction.mode === 'WRITE' &&
      transaction.queries.length > 0 &&
      transaction.queries.every((query) => query.queryType === 'r'),
  );
}

export const describeTransaction = (transaction: ObservedTransaction): string =>
  `${transaction.site} ${transaction.api} ${transaction.mode} [${transaction.queries.map((query) => `${query.queryType ?? '?'}: ${query.cypher}`).join(' | ')}]`;
