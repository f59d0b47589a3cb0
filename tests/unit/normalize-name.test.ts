import { describe, expect, it } from 'vitest';
import { normalizeName, normalizedNamesOf } from '../../src/ingest/normalize-name.ts';

describe('name normalization', () => {
  it('folds case, whitespace and punctuation: ISIS-K, Isis K and isis‑k. are one name', () => {
    const names = ['ISIS-K', 'Isis K', 'isis\u2011k.', '  ISIS –  K '].map(normalizeName);
    expect(new Set(names)).toEqual(new Set(['isis k']));
  });

  it('strips diacritics and compatibility forms', () => {
    expect(normalizeName('Ḥayʼat Taḥrīr al-Shām')).toBe('hayat tahrir al sham');
    expect(normalizeName('ＩＳＩＳ')).toBe('isis');
  });

  it('drops dots and apostrophes inside words', () => {
    expect(normalizeName('U.S.')).toBe(normalizeName('US'));
    expect(normalizeName("People's Party")).toBe('peoples party');
  });

  it('keeps different words different', () => {
    expect(normalizeName('Pakistan')).not.toBe(normalizeName('Afghanistan'));
  });

  it('lists the distinct non-empty forms of a name and its aliases', () => {
    expect(normalizedNamesOf('ISIS-K', ['Isis K', 'ISKP', '...'])).toEqual(['isis k', 'iskp']);
  });
});
