import { describe, expect, it } from 'vitest';
import {
  STANCE_OF_V1_MODALITY,
  STANCE_RULES,
  affirms,
  attributionFromV1,
  gradesAtLeast,
  isAffirmative,
  modalityOf,
} from '../../src/domain/evidence-vocabulary.ts';
import { MODALITIES } from '../../src/domain/vocabulary.ts';

const claim = (overrides: Partial<Parameters<typeof isAffirmative>[0]> = {}) => ({
  polarity: 'positive' as const,
  condition: null,
  hypothetical: false,
  attributions: [{ stance: 'asserts' as const }],
  ...overrides,
});

describe('v1 relations in v2 terms', () => {
  it('an attributed claim is held by its attributedTo, with the stance its modality names', () => {
    expect(attributionFromV1({ modality: 'alleged', attributedTo: 'pakistan' })).toEqual({
      holder: 'pakistan',
      stance: 'alleges',
      reportedBy: null,
    });
  });

  it("a claim with no attributedTo is held by the article's own voice", () => {
    expect(attributionFromV1({ modality: 'implied' }).holder).toBeNull();
  });

  it('a v1 denial is a holder denying the claim, which then affirms nothing', () => {
    const attribution = attributionFromV1({ modality: 'denied', attributedTo: 'taliban' });
    expect(attribution.stance).toBe('denies');
    expect(isAffirmative(claim({ attributions: [attribution] }))).toBe(false);
  });

  it.each(MODALITIES)('the v1 modality %s reads back as itself', (modality) => {
    expect(modalityOf([attributionFromV1({ modality })])).toBe(modality);
    expect(STANCE_RULES[STANCE_OF_V1_MODALITY[modality]].modality).toBe(modality);
  });
});

describe('affirmative claims', () => {
  it('a positive, unconditional, asserted claim is affirmative', () => {
    expect(isAffirmative(claim())).toBe(true);
  });

  it('a negated claim is not', () => {
    expect(isAffirmative(claim({ polarity: 'negative' }))).toBe(false);
  });

  it('a conditional claim is not', () => {
    expect(isAffirmative(claim({ condition: 'if Pakistan strikes' }))).toBe(false);
  });

  it('a hypothetical claim is not', () => {
    expect(isAffirmative(claim({ hypothetical: true }))).toBe(false);
  });

  it('a claim one holder alleges and another denies is affirmative', () => {
    expect(isAffirmative(claim({ attributions: [{ stance: 'alleges' }, { stance: 'denies' }] }))).toBe(true);
  });

  it('a claim only hoped for or feared is not', () => {
    expect(affirms('hopes')).toBe(false);
    expect(isAffirmative(claim({ attributions: [{ stance: 'hopes' }, { stance: 'fears' }] }))).toBe(false);
  });
});

describe('Admiralty grades', () => {
  it('minReliability B means A or B', () => {
    expect(gradesAtLeast('B')).toEqual(['A', 'B']);
  });
});
