/** 40 runs of `npm run seed` on folders of 10 mutated or damaged files (the integration suite runs 3). */
import { describe, expect, test } from 'vitest';
import { fuzzRun } from '../fixtures/fuzz-run.ts';
import { fuzzSeedCli } from '../fixtures/seed-cli-contract.ts';

describe('npm run seed on 400 mutated files', () => {
  test('exits 0, or 1 with located problems and the graph unchanged; never a stack trace', async () => {
    const tally = await fuzzSeedCli({ ...fuzzRun('npm run seed', 40), filesPerRun: 10 });
    tally.print();
    expect(tally.get('crashes')).toBe(0);
    expect(tally.get('partial writes')).toBe(0);
  });
});
