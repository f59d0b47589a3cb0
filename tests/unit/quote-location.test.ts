import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForQuoteMatch, locateQuote, quoteLocator } from '../../src/ingest/text-folding.ts';

const TEXT =
  'The four\u2019s joint statement said the Taliban should \u201celiminate all terrorist groups\u201d.\nIt  ended.';

describe('locating a quote in the article text', () => {
  it('gives the offsets of a verbatim quote', () => {
    const quote = 'joint statement said';
    expect(locateQuote(quote, TEXT)).toEqual({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
  });

  it('finds a quote retyped with straight quotes and single spaces, and spans the original characters', () => {
    const span = locateQuote('The four\'s joint statement said the Taliban should "eliminate', TEXT);
    expect(span).not.toBeNull();
    expect(TEXT.slice(span!.start, span!.end)).toBe(
      'The four\u2019s joint statement said the Taliban should \u201celiminate',
    );
  });

  it('matches across a line break and a run of spaces', () => {
    const span = locateQuote('groups". It ended.', TEXT);
    expect(TEXT.slice(span!.start, span!.end)).toBe('groups\u201d.\nIt  ended.');
  });

  it('gives null for a quote the text does not contain', () => {
    expect(locateQuote('the Taliban deny it', TEXT)).toBeNull();
  });

  it('locates every quote of an article in one text folded once, as locateQuote does one by one', () => {
    const locate = quoteLocator(TEXT);
    for (const quote of ['joint statement said', '"eliminate all', 'groups". It ended.', 'absent', ' ']) {
      expect(locate(quote)).toEqual(locateQuote(quote, TEXT));
    }
  });

  it('gives null for a quote of whitespace only', () => {
    expect(locateQuote(' \n ', TEXT)).toBeNull();
  });

  it('any span it gives folds back to the quote', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '\n', '\u00A0', '\u2019', "'", '\u201C', '"', '\u2014', '-');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        (text, quote) => {
          const span = locateQuote(quote.join(''), text.join(''));
          const wanted = foldForQuoteMatch(quote.join(''));
          if (span === null) {
            expect(wanted === '' || !foldForQuoteMatch(text.join('')).includes(wanted)).toBe(true);
          } else {
            expect(foldForQuoteMatch(text.join('').slice(span.start, span.end))).toBe(wanted);
          }
        },
      ),
    );
  });
});
