import { describe, expect, it } from 'vitest';
import { foldForQuoteMatch, quoteOccursIn } from '../../src/ingest/text-folding.ts';

describe('folding for quote matching', () => {
  it('collapses whitespace runs, newlines and no-break spaces to one space and trims', () => {
    expect(foldForQuoteMatch('  a \n\t b\u00A0\u00A0c  ')).toBe('a b c');
  });

  it.each(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032'])('folds the single quote %s to an apostrophe', (mark) => {
    expect(foldForQuoteMatch(`it${mark}s`)).toBe("it's");
  });

  it.each(['\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB'])('folds the double quote %s to "', (mark) => {
    expect(foldForQuoteMatch(`${mark}x${mark}`)).toBe('"x"');
  });

  it.each(['\u2013', '\u2014', '\u2015', '\u2012', '\u2212'])('folds the dash %s to a hyphen', (dash) => {
    expect(foldForQuoteMatch(`a${dash}b`)).toBe('a-b');
  });

  it('keeps case and other characters: a quote is verbatim', () => {
    expect(foldForQuoteMatch('Pakistan … É')).toBe('Pakistan … É');
  });

  it('finds a retyped quote in the text', () => {
    const text = 'The ministry said:\n“We will not tolerate\u00A0terrorists” — and left.';
    expect(quoteOccursIn('"We will not tolerate terrorists" - and left', text)).toBe(true);
  });

  it('does not find a quote that differs in wording or case', () => {
    expect(quoteOccursIn('we will not tolerate', 'We will not tolerate')).toBe(false);
  });
});
