/**
 * Writers that run at the same time (two seed runs, two ingestArticle calls, a removal during
 * a load) end with the graph that some serial order of them would leave: no duplicate
 * entities, no id with two types, no relationship outside the endpoint table.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import {
  IngestBusyError,
  IngestLeaseLostError,
  acquireIngestLease,
  inLeasedWrite,
  releaseIngestLease,
} from '../../../src/db/ingest-lease.ts';
import { SeedValidationError, ingestDocuments, removeArticle } from '../../../src/ingest/seed-run.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { aggregateMismatches, cliEnvironment, cypher, graphFingerprint, openCleanTestDb, vocabularyViolations } from '../helpers/test-db.ts';

const db: Db = await openCleanTestDb();
const workdir = mkdtempSync(join(tmpdir(), 'geograph-concurrent-'));
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SEED_CLI = join(process.cwd(), 'src', 'cli', 'seed.ts');

afterAll(async () => {
  rmSync(workdir, { recursive: true, force: true });
  await db.driver.close();
});

beforeEach(async () => {
  await resetGraph(db);
});

const doc = (file: string, json: unknown) => ({ file, json });

/** Two articles that name the same actors under other ids: resolution must merge them. */
function overlappingPair(round: number) {
  const a = articleDoc(`first-${round}`)
    .add('State', 'pakistan', { wikidata: 'Q843' })
    .add('Group', 'ttp', { aliases: ['Tehrik-i-Taliban Pakistan'] })
    .add('Group', 'taliban')
    .claim('SHELTERS', 'taliban', 'ttp')
    .claim('THREATENS', 'ttp', 'pakistan')
    .build();
  const b = articleDoc(`second-${round}`)
    .add('State', 'islamic-republic-of-pakistan', { name: 'Islamic Republic of Pakistan', wikidata: 'Q843' })
    .add('Group', 'pakistani-taliban', { name: 'Tehrik-i-Taliban Pakistan', aliases: ['TTP'] })
    .add('Group', 'afghan-taliban', { name: 'Taliban' })
    .claim('SHELTERS', 'afghan-taliban', 'pakistani-taliban')
    .claim('CRITICIZES', 'islamic-republic-of-pakistan', 'afghan-taliban')
    .build();
  return { a, b };
}

async function duplicates(): Promise<string[]> {
  const byWikidata = await cypher<{ wikidata: string; ids: string[] }>(
    db,
    `MATCH (n:Entity) WHERE n.wikidata IS NOT NULL
     WITH n.wikidata AS wikidata, collect(n.id) AS ids WHERE size(ids) > 1 RETURN wikidata, ids`,
  );
  const byName = await cypher<{ name: string; ids: string[] }>(
    db,
    `MATCH (n:Entity) UNWIND n.normalizedNames AS name
     WITH n.type + ' ' + name AS name, collect(DISTINCT n.id) AS ids WHERE size(ids) > 1 RETURN name, ids`,
  );
  return [...byWikidata.map((row) => `${row.wikidata}: ${row.ids}`), ...byName.map((row) => `${row.name}: ${row.ids}`)];
}

describe('concurrent writers', () => {
  test('two concurrent ingests of overlapping articles never duplicate an entity (40 rounds)', async () => {
    for (let round = 0; round < 40; round += 1) {
      await resetGraph(db);
      const { a, b } = overlappingPair(round);
      await Promise.all([ingestDocuments([doc('a.json', a)], db), ingestDocuments([doc('b.json', b)], db)]);
      expect(await duplicates(), `round ${round}`).toEqual([]);
      expect(Number((await cypher<{ n: number }>(db, 'MATCH (n:Entity) RETURN count(n) AS n'))[0]?.n)).toBe(3);
    }
  });

  test('two concurrent ingests of overlapping v2 articles (holders, a collective, a place) never duplicate an entity (15 rounds)', async () => {
    const pair = (round: number) => {
      const a = articleDoc(`v2-first-${round}`)
        .set({ formatVersion: 2 })
        .add('State', 'pakistan', { wikidata: 'Q843' })
        .add('Group', 'taliban')
        .add('Group', 'ttp')
        .add('Collective', 'the-four', { name: 'The Four' })
        .add('Place', 'kabul', { latitude: 34.5553, longitude: 69.2075 })
        .relation('OPERATES_IN', 'ttp', 'kabul')
        .claim('SHELTERS', 'taliban', 'ttp', {
          attributions: [{ holder: 'pakistan', stance: 'alleges' }, { holder: 'the-four', stance: 'suspects' }],
        })
        .build();
      const b = articleDoc(`v2-second-${round}`)
        .set({ formatVersion: 2 })
        .add('State', 'islamic-republic-of-pakistan', { name: 'Islamic Republic of Pakistan', wikidata: 'Q843' })
        .add('Group', 'afghan-taliban', { name: 'Taliban' })
        .add('Group', 'pakistani-taliban', { name: 'TTP' })
        .add('Collective', 'quadrilateral', { name: 'The Four' })
        .add('Place', 'kabul-city', { name: 'Kabul' })
        .claim('CRITICIZES', 'quadrilateral', 'afghan-taliban', {
          attributions: [{ holder: 'islamic-republic-of-pakistan', stance: 'asserts' }],
        })
        .claim('SHELTERS', 'afghan-taliban', 'pakistani-taliban', {
          attributions: [{ holder: 'afghan-taliban', stance: 'denies' }],
        })
        .build();
      return { a, b };
    };
    for (let round = 0; round < 15; round += 1) {
      await resetGraph(db);
      const { a, b } = pair(round);
      await Promise.all([ingestDocuments([doc('a.json', a)], db), ingestDocuments([doc('b.json', b)], db)]);
      expect(await duplicates(), `round ${round}`).toEqual([]);
      expect(Number((await cypher<{ n: number }>(db, 'MATCH (n:Entity) RETURN count(n) AS n'))[0]?.n), `round ${round}`).toBe(5);
      // Two voices, one each, and the article's own for OPERATES_IN.
      expect(Number((await cypher<{ n: number }>(db, 'MATCH ()-[h:HELD_BY]->() RETURN count(h) AS n'))[0]?.n), `round ${round}`).toBe(5);
      expect(await aggregateMismatches(db), `round ${round}`).toEqual([]);
    }
  });

  test('an id given two types by concurrent writers is refused in one of them, and no relationship breaks the endpoint table (40 rounds)', async () => {
    for (let round = 0; round < 40; round += 1) {
      await resetGraph(db);
      // "kabul" is a Group (the Taliban government) in one article and a State in the other.
      const asGroup = articleDoc(`as-group-${round}`).add('Group', 'kabul').add('Group', 'ttp').claim('SHELTERS', 'kabul', 'ttp').build();
      const asState = articleDoc(`as-state-${round}`).add('State', 'kabul').add('State', 'islamabad').claim('FIGHTS', 'islamabad', 'kabul').build();
      const results = await Promise.allSettled([ingestDocuments([doc('g.json', asGroup)], db), ingestDocuments([doc('s.json', asState)], db)]);
      const refused = results.filter((result) => result.status === 'rejected');
      expect(refused, `round ${round}`).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(SeedValidationError);
      expect(await vocabularyViolations(db), `round ${round}`).toEqual([]);
    }
  });

  test('an ingest and a removal of the same article at once leave either the article or nothing, never half (30 rounds)', async () => {
    const article = articleDoc('contested').add('Group', 'taliban').add('Group', 'ttp').claim('SHELTERS', 'taliban', 'ttp').build();
    for (let round = 0; round < 30; round += 1) {
      await resetGraph(db);
      await ingestDocuments([doc('c.json', article)], db);
      await Promise.all([removeArticle('contested', db), ingestDocuments([doc('c.json', article)], db)]);
      const fingerprint = await graphFingerprint(db);
      const present = fingerprint.some((line) => line.startsWith('mention contested'));
      const claims = fingerprint.filter((line) => line.startsWith('claim contested'));
      expect(claims, `round ${round}`).toHaveLength(present ? 1 : 0);
      expect(fingerprint.filter((line) => line.startsWith('entity ') && !line.includes('name=')), `round ${round}`).toHaveLength(present ? 2 : 0);
      expect(await aggregateMismatches(db), `round ${round}`).toEqual([]);
    }
  });

  test('two seed runs started at once end with the graph of one of the two serial orders (4 rounds)', async () => {
    const folders = { a: join(workdir, 'a'), b: join(workdir, 'b') };
    const files = Array.from({ length: 6 }, (_, round) => overlappingPair(100 + round));
    for (const [name, folder] of Object.entries(folders)) {
      mkdirSync(folder, { recursive: true });
      files.forEach((pair, index) => writeFileSync(join(folder, `${index}.json`), JSON.stringify(name === 'a' ? pair.a : pair.b)));
    }
    const run = (folder: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(TSX, [SEED_CLI, folder], { env: cliEnvironment(), stdio: 'ignore' });
        child.once('exit', resolve);
      });
    const serial = async (first: string, second: string) => {
      await resetGraph(db);
      expect(await run(first)).toBe(0);
      expect(await run(second)).toBe(0);
      return graphFingerprint(db);
    };
    const aThenB = await serial(folders.a, folders.b);
    const bThenA = await serial(folders.b, folders.a);
    expect(aThenB).not.toEqual(bThenA);

    for (let round = 0; round < 4; round += 1) {
      await resetGraph(db);
      expect(await Promise.all([run(folders.a), run(folders.b)])).toEqual([0, 0]);
      const together = await graphFingerprint(db);
      expect([aThenB, bThenA], `round ${round}`).toContainEqual(together);
      expect(await aggregateMismatches(db), `round ${round}`).toEqual([]);
    }
  });
});

describe('the ingest lease', () => {
  const small = () => articleDoc('small').add('Group', 'taliban').build();

  test('a writer waits while another holds the lease, then writes', async () => {
    const held = await acquireIngestLease(db, { purpose: 'a test holding the lease', waitMs: 1_000 });
    const waitedFor: string[] = [];
    // The lease is released once the writer says it waits, and not before: it must wait, then write.
    await ingestDocuments([doc('small.json', small())], db, {
      waitMs: 10_000,
      onWait: (holder) => {
        waitedFor.push(holder.purpose);
        void releaseIngestLease(db, held);
      },
    });
    expect(waitedFor).toEqual(['a test holding the lease']);
    expect(await cypher(db, 'MATCH (a:Article {id: "small"}) RETURN a.id AS id')).toEqual([{ id: 'small' }]);
  });

  test('a writer that cannot get the lease in time is told who holds it, and writes nothing', async () => {
    const held = await acquireIngestLease(db, { purpose: 'a test holding the lease', waitMs: 1_000 });
    try {
      const refused = ingestDocuments([doc('small.json', small())], db, { waitMs: 300 });
      await expect(refused).rejects.toBeInstanceOf(IngestBusyError);
      await expect(refused).rejects.toThrow(/a test holding the lease/);
      expect(await cypher(db, 'MATCH (n) WHERE NOT n:IngestLock RETURN n')).toEqual([]);
    } finally {
      await releaseIngestLease(db, held);
    }
  });

  test('a lease whose holder process is gone is taken over at once', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await acquireIngestLease(db, { purpose: 'a writer that died', waitMs: 1_000 });
    await cypher(db, 'MATCH (l:IngestLock) SET l.pid = $pid, l.expiresAt = timestamp() + 600000', { pid: gone.pid });
    const started = Date.now();
    await ingestDocuments([doc('small.json', small())], db, { waitMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a lease that is no longer renewed expires, and its holder can write nothing more', async () => {
    const stalled = await acquireIngestLease(db, { purpose: 'a stalled writer', waitMs: 1_000, ttlMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await ingestDocuments([doc('small.json', small())], db, { waitMs: 2_000 });
    await expect(inLeasedWrite(db, stalled, { step: 'test' }, async (tx) => tx.run('CREATE (:Stale)'))).rejects.toBeInstanceOf(IngestLeaseLostError);
    expect(await cypher(db, 'MATCH (n:Stale) RETURN n')).toEqual([]);
  });
});
