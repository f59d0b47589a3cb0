/** 10,000 mutated articles through the validator (the unit suite runs 200 of the same). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseArticles, mutatedArticle } from '../fixtures/article-mutations.ts';
import { FuzzTally, fuzzRun } from '../fixtures/fuzz-run.ts';
import { expectValidatorContract } from '../fixtures/validator-contract.ts';

describe('the validator on 10,000 mutated articles', () => {
  it('never throws, and gives either a valid article or located issues that say what was expected', () => {
    const { seed, runs } = fuzzRun('validator', 10_000);
    const tally = new FuzzTally('validator');
    fc.assert(
      fc.property(mutatedArticle(baseArticles()), ({ doc }) => {
        tally.count('cases');
        try {
          const { article, issues } = expectValidatorContract(doc);
          tally.count(article ? 'valid' : 'refused');
          tally.count('issues', issues.length);
        } catch (error) {
          tally.count('crashes');
          throw error;
        }
      }),
      { seed, numRuns: runs },
    );
    tally.print();
    expect(tally.get('crashes')).toBe(0);
  });
});
