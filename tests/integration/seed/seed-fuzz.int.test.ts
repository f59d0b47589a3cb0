/**
 * Property-based: folders of mutated articles (and damaged files) through `npm run seed`.
 * A small fixed-seed run; tests/reliability/ runs 40 runs of 10 files.
 */
import { describe, expect, test } from 'vitest';
import { fuzzSeedCli } from '../../fixtures/seed-cli-contract.ts';

describe('npm run seed on folders of mutated articles', () => {
  test('exits 0, or 1 with located problems and the graph unchanged; never a stack trace', async () => {
    const tally = await fuzzSeedCli({ seed: 20261127, runs: 3, filesPerRun: 4 });
    expect(tally.get('runs')).toBe(3);
    expect(tally.get('refused runs')).toBeGreaterThan(0);
  }, 180_000);
});
