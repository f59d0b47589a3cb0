/**
 * Quotes are copied out of articles by people and tools that retype punctuation, so a
 * quote is grounded in the text when both match after the typographic variants that
 * carry no meaning are folded to ASCII.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g; // ‘ ’ ‚ ‛ ′
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u2033\u00AB\u00BB]/g; // “ ” „ ″ « »
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g; // ‐ ‑ ‒ – — ― −
const WHITESPACE = /\s+/g; // includes no-break and other Unicode spaces

export function foldForQuoteMatch(text: string): string {
  return text
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Whether `quote` occurs verbatim in `text`, up to folding. */
export function quoteOccursIn(quote: string, text: string): boolean {
  return foldForQuoteMatch(text).includes(foldForQuoteMatch(quote));
}
