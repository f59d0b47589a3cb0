/** 10,000 mutated articles through the validator (the unit suite runs 200 of the same). */
import { describe, expect, it } from 'vitest';
import { fuzzRun } from '../fixtures/fuzz-run.ts';
import { fuzzValidator } from '../fixtures/validator-contract.ts';

describe('the validator on 10,000 mutated articles', () => {
  it('never throws, and gives either a valid article or located issues that say what was expected', () => {
    const tally = fuzzValidator(fuzzRun('validator', 10_000));
    tally.print();
    expect(tally.get('crashes')).toBe(0);
  });
});
