import { describe, expect, it } from 'vitest';
import { affirms, attributionsFromV1, STANCES } from '../../src/domain/evidence-vocabulary.ts';
import { MODALITIES } from '../../src/domain/vocabulary.ts';

describe('v1 relations in v2 terms', () => {
  it('an attributed claim is held by its attributedTo, with the stance its modality names', () => {
    expect(
      attributionsFromV1({ modality: 'alleged', attributedTo: 'pakistan' }, { authors: ['andrew-korybko'] }),
    ).toEqual({ polarity: 'positive', attributions: [{ holder: 'pakistan', stance: 'alleges' }] });
  });

  it("a claim with no attributedTo is the author's", () => {
    expect(attributionsFromV1({ modality: 'implied' }, { authors: ['andrew-korybko'] }).attributions).toEqual([
      { holder: 'andrew-korybko', stance: 'implies' },
    ]);
  });

  it("with no author either, it is the publisher's", () => {
    expect(attributionsFromV1({ modality: 'asserted' }, { publisherId: 'global-research' }).attributions).toEqual([
      { holder: 'global-research', stance: 'asserts' },
    ]);
  });

  it('a v1 denial is a holder denying an affirmative claim, not a negated claim', () => {
    const mapped = attributionsFromV1({ modality: 'denied', attributedTo: 'taliban' }, {});
    expect(mapped.polarity).toBe('positive');
    expect(mapped.attributions[0]?.stance).toBe('denies');
    expect(affirms('denies')).toBe(false);
  });

  it.each(MODALITIES)('the v1 modality %s maps onto a v2 stance', (modality) => {
    const [attribution] = attributionsFromV1({ modality, attributedTo: 'x' }, {}).attributions;
    expect(STANCES).toContain(attribution?.stance);
  });
});
