/**
 * Quotes are copied out of articles by people and tools that retype punctuation, so a
 * quote is grounded in the text when both match after the typographic variants that
 * carry no meaning are folded to ASCII. Texts copied from web pages keep inline markup
 * (`<a href="...">here</a>`, `<u>Express Tribune</u>`) a reader never sees: it is folded
 * away too, so a quote of what the reader saw is found, and its offsets span the markup.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g; // ‘ ’ ‚ ‛ ′
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u2033\u00AB\u00BB]/g; // “ ” „ ″ « »
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g; // ‐ ‑ ‒ – — ― −
const WHITESPACE = /\s+/g; // includes no-break and other Unicode spaces
/** An HTML tag: `<` then a letter (so "a < b" is not one), attributes, `>`. */
const MARKUP_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

export function foldForQuoteMatch(text: string): string {
  return text
    .replace(MARKUP_TAG, '')
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

/** Where a quote sits in the article text: UTF-16 code-unit offsets (JavaScript string indexes), end exclusive. */
export interface QuoteSpan {
  start: number;
  end: number;
}

const foldCharacter = (character: string): string => foldForQuoteMatch(character) || ' ';

/**
 * `foldForQuoteMatch(text)`, with the offset in `text` each folded character came from, so
 * a match in the folded text can be told as a span of the original.
 */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  const characters: string[] = [];
  const origins: number[] = [];
  const markupEnds = new Map<number, number>();
  for (const tag of text.matchAll(MARKUP_TAG)) markupEnds.set(tag.index, tag.index + tag[0].length);
  let afterSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const markupEnd = markupEnds.get(index);
    if (markupEnd !== undefined) {
      index = markupEnd - 1;
      continue;
    }
    const character = text[index]!;
    if (/\s/.test(character)) {
      if (!afterSpace && characters.length > 0) {
        characters.push(' ');
        origins.push(index);
      }
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    characters.push(foldCharacter(character));
    origins.push(index);
  }
  if (characters.at(-1) === ' ') {
    characters.pop();
    origins.pop();
  }
  return { folded: characters.join(''), origins };
}

/**
 * Locates quotes in one text, folded once: an article's quotes cost one pass over its text
 * plus a search each, not a fold of the whole text per quote.
 */
export function quoteLocator(text: string): (quote: string) => QuoteSpan | null {
  const { folded, origins } = foldWithOrigins(text);
  return (quote) => {
    const wanted = foldForQuoteMatch(quote);
    if (wanted === '') return null;
    const at = folded.indexOf(wanted);
    if (at === -1) return null;
    return { start: origins[at]!, end: origins[at + wanted.length - 1]! + 1 };
  };
}

/** The first place `quote` occurs in `text`, up to folding; null when it does not. */
export function locateQuote(quote: string, text: string): QuoteSpan | null {
  return quoteLocator(text)(quote);
}
