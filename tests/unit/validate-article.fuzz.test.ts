/**
 * Property-based: mutated articles (tests/fixtures/article-mutations.ts) through the
 * validator. A small fixed-seed run; tests/reliability/ runs thousands of cases.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { baseArticles, mutatedArticle } from '../fixtures/article-mutations.ts';
import { expectValidatorContract } from '../fixtures/validator-contract.ts';

const bases = baseArticles();

describe('the validator on mutated articles', () => {
  it('never throws, and gives either a valid article or located issues that say what was expected', () => {
    fc.assert(
      fc.property(mutatedArticle(bases), ({ doc }) => {
        expectValidatorContract(doc);
      }),
      { seed: 20261127, numRuns: 200 },
    );
  }, 60_000);

  it('accepts every base article unchanged', () => {
    for (const base of bases) expectValidatorContract(base);
  });
});
