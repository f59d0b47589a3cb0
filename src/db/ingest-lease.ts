/**
 * Writers take turns. Entity resolution reads the graph and then writes what it decided, so
 * two writers interleaving (two seed runs, two `ingestArticle` calls, a seed and a removal)
 * could each decide "new entity" for the same thing, or give one id two types. A run holds
 * this lease from its first graph read to its last write; every write transaction fences on
 * it, so the graph always ends as some serial order of the runs left it.
 *
 * The lease lives in the database (one `:IngestLock` node), so it holds across processes and
 * API instances. It expires when its holder stops renewing it (a killed run frees it after
 * `ttlMs`), and a holder on this host whose process is gone is taken over at once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ManagedTransaction } from 'neo4j-driver';
import { INGEST_LOCK_LABEL, cypherLabel } from '../domain/vocabulary.ts';
import { isProcessAlive } from '../process-alive.ts';
import { executeWrite, type MetadataDetail } from './cypher-trace.ts';
import type { Db } from './driver.ts';

const LOCK = cypherLabel(INGEST_LOCK_LABEL);
const LOCK_NAME = 'ingest';
const DEFAULT_TTL_MS = 30_000;

export interface IngestLease {
  readonly token: string;
  readonly ttlMs: number;
  /** Set when a renewal found the lease taken: every later fence fails too. */
  lost: boolean;
}

export interface LeaseHolder {
  purpose: string;
  host: string;
  pid: number;
  /** Milliseconds until it expires unless renewed. */
  expiresInMs: number;
}

/** Another writer kept the lease for longer than the caller was willing to wait. */
export class IngestBusyError extends Error {
  constructor(
    readonly holder: LeaseHolder,
    waitedMs: number,
  ) {
    super(
      `Another writer is loading data (${holder.purpose}, pid ${holder.pid} on ${holder.host}); ` +
        `waited ${Math.round(waitedMs / 1000)} s. Try again when it has finished.`,
    );
  }
}

/** The lease expired and another writer took it: this run must stop writing. */
export class IngestLeaseLostError extends Error {
  constructor() {
    super(
      'This run lost its write lease to another writer (it stalled for longer than the lease lasts); nothing more was written. Run it again.',
    );
  }
}

export interface AcquireOptions {
  /** Shown to writers who wait, e.g. "seed run of 12 files". */
  purpose: string;
  /** How long to wait for another writer to finish; then IngestBusyError. */
  waitMs: number;
  ttlMs?: number;
  /** Called once, when the first attempt finds the lease held. */
  onWait?: (holder: LeaseHolder) => void;
}

/**
 * Reads of the lock node after this statement see the latest committed state: the SET takes
 * the node's write lock, which the transaction keeps until it ends. Reading before locking
 * would let two writers both see "free".
 */
async function lockNode(tx: ManagedTransaction): Promise<void> {
  await tx.run(`MERGE (l:${LOCK} {name: $name}) SET l.touchedAt = timestamp()`, { name: LOCK_NAME });
}

type Attempt = { acquired: true } | { acquired: false; holder: LeaseHolder };

function tryAcquire(db: Db, token: string, purpose: string, ttlMs: number): Promise<Attempt> {
  return executeWrite(db, { step: 'acquire ingest lease' }, async (tx): Promise<Attempt> => {
    await lockNode(tx);
    const { records } = await tx.run(
      `MATCH (l:${LOCK} {name: $name})
         RETURN l.holder AS holder, l.purpose AS purpose, l.host AS host, l.pid AS pid, l.expiresAt AS expiresAt, timestamp() AS now`,
      { name: LOCK_NAME },
    );
    const row = records[0]?.toObject() ?? {};
    const holder: LeaseHolder = {
      purpose: String(row.purpose ?? 'unknown'),
      host: String(row.host ?? ''),
      pid: Number(row.pid ?? 0),
      expiresInMs: Number(row.expiresAt ?? 0) - Number(row.now ?? 0),
    };
    const free =
      row.holder == null ||
      holder.expiresInMs < 0 ||
      row.holder === token ||
      (holder.host === hostname() && holder.pid > 0 && !isProcessAlive(holder.pid));
    if (!free) return { acquired: false, holder };
    await tx.run(
      `MATCH (l:${LOCK} {name: $name})
         SET l.holder = $token, l.purpose = $purpose, l.host = $host, l.pid = $pid,
             l.acquiredAt = timestamp(), l.expiresAt = timestamp() + $ttlMs`,
      { name: LOCK_NAME, token, purpose, host: hostname(), pid: process.pid, ttlMs },
    );
    return { acquired: true };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireIngestLease(db: Db, options: AcquireOptions): Promise<IngestLease> {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const token = randomUUID();
  const startedAt = Date.now();
  let pause = 50;
  let told = false;
  for (;;) {
    const attempt = await tryAcquire(db, token, options.purpose, ttlMs);
    if (attempt.acquired) return { token, ttlMs, lost: false };
    const waited = Date.now() - startedAt;
    if (waited >= options.waitMs) throw new IngestBusyError(attempt.holder, waited);
    if (!told) options.onWait?.(attempt.holder);
    told = true;
    await sleep(Math.min(pause, Math.max(0, options.waitMs - waited), Math.max(attempt.holder.expiresInMs, 10)));
    pause = Math.min(pause * 2, 1_000);
  }
}

/**
 * The first step of every write transaction of a lease holder: it locks the lease node for
 * the rest of the transaction (so no one can take the lease while this one commits), checks
 * the lease is still this holder's, and extends it.
 */
export async function fenceIngestLease(tx: ManagedTransaction, lease: IngestLease): Promise<void> {
  if (lease.lost) throw new IngestLeaseLostError();
  await lockNode(tx);
  const { records } = await tx.run(
    `MATCH (l:${LOCK} {name: $name}) WHERE l.holder = $token
     SET l.expiresAt = timestamp() + $ttlMs
     RETURN count(l) AS held`,
    { name: LOCK_NAME, token: lease.token, ttlMs: lease.ttlMs },
  );
  if (Number(records[0]?.get('held') ?? 0) !== 1) {
    lease.lost = true;
    throw new IngestLeaseLostError();
  }
}

/**
 * A write transaction fenced on the lease, sharing the API's bookmarks (a read after it sees
 * it); `detail` names its step in the transaction's metadata.
 */
export function inLeasedWrite<T>(
  db: Db,
  lease: IngestLease,
  detail: MetadataDetail,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  return executeWrite(db, detail, async (tx) => {
    await fenceIngestLease(tx, lease);
    return work(tx);
  });
}

export async function releaseIngestLease(db: Db, lease: IngestLease): Promise<void> {
  await executeWrite(db, { step: 'release ingest lease' }, async (tx) => {
    await lockNode(tx);
    await tx.run(
      `MATCH (l:${LOCK} {name: $name}) WHERE l.holder = $token
         SET l.holder = null, l.expiresAt = 0, l.releasedAt = timestamp()`,
      { name: LOCK_NAME, token: lease.token },
    );
  });
}

/**
 * Runs `work` holding the lease: renewed in the background while work reads and validates,
 * released at the end whatever happens. The lease ends with the process, so a kill frees it.
 */
export async function withIngestLease<T>(
  db: Db,
  options: AcquireOptions,
  work: (lease: IngestLease) => Promise<T>,
): Promise<T> {
  const lease = await acquireIngestLease(db, options);
  const renew = setInterval(
    () => {
      inLeasedWrite(db, lease, { step: 'renew ingest lease' }, async () => {}).catch(() => {
        // A failed renewal is either a lost lease (recorded; the next write fails) or a
        // passing database error (the next renewal or write tries again).
      });
    },
    Math.max(1_000, Math.floor(lease.ttlMs / 3)),
  );
  renew.unref();
  try {
    return await work(lease);
  } finally {
    clearInterval(renew);
    await releaseIngestLease(db, lease).catch(() => {
      // The lease then expires on its own after ttlMs.
    });
  }
}
