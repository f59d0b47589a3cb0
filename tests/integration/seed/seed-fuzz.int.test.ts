/**
 * Property-based: folders of mutated articles (and damaged files) through `npm run seed`.
 * A small fixed-seed run; tests/reliability/ runs many more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { baseArticles } from '../../fixtures/article-mutations.ts';
import { FuzzTally } from '../../fixtures/fuzz-run.ts';
import { expectSeedCliContract, loadBaseline, mutatedFolder } from '../../fixtures/seed-cli-contract.ts';
import { openCleanTestDb } from '../helpers/test-db.ts';

const db = await openCleanTestDb();
const workdir = mkdtempSync(join(tmpdir(), 'geograph-seed-fuzz-'));
afterAll(async () => {
  rmSync(workdir, { recursive: true, force: true });
  await db.driver.close();
});

describe('npm run seed on folders of mutated articles', () => {
  test('exits 0, or 1 with located problems and the graph unchanged; never a stack trace', async () => {
    const tally = new FuzzTally('npm run seed');
    let baseline = await loadBaseline(db);
    await fc.assert(
      fc.asyncProperty(mutatedFolder(baseArticles(), 4), async (cases) => {
        baseline = await expectSeedCliContract(db, join(workdir, 'run'), cases, baseline, tally);
      }),
      { seed: 20261127, numRuns: 3, endOnFailure: true },
    );
    expect(tally.get('runs')).toBe(3);
  }, 180_000);
});
