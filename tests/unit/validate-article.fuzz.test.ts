/**
 * Property-based: mutated articles (tests/fixtures/article-mutations.ts) through the
 * validator. A small fixed-seed run; tests/reliability/ runs 10,000 cases.
 */
import { describe, expect, it } from 'vitest';
import { baseArticles } from '../fixtures/article-mutations.ts';
import { expectValidatorContract, fuzzValidator } from '../fixtures/validator-contract.ts';

describe('the validator on mutated articles', () => {
  it('never throws, and gives either a valid article or located issues that say what was expected', () => {
    const tally = fuzzValidator({ seed: 20261127, runs: 200 });
    expect(tally.get('cases')).toBe(200);
    expect(tally.get('refused')).toBeGreaterThan(100);
  }, 60_000);

  it('accepts every base article unchanged', () => {
    for (const base of baseArticles()) expect(expectValidatorContract(base).article).toBeDefined();
  });
});
