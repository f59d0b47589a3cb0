/**
 * Which characters a string of an extracted article may hold. Control characters and
 * unpaired surrogates are never what an analyst meant: NUL and other controls come from
 * binary junk or broken converters (Neo4j would store them and every consumer would trip on
 * them), C1 controls from text decoded with the wrong charset, and an unpaired surrogate
 * would silently become U+FFFD on its way to Neo4j. So they are refused, with the place and
 * the character, rather than stored or repaired.
 *
 * - Everywhere: C0 controls (U+0000..U+001F), DEL (U+007F), C1 controls (U+0080..U+009F)
 *   and unpaired surrogates are refused;
 * - except that the multi-line texts (article.text, description, summary, quote, demand,
 *   note) may hold tab, line feed and carriage return.
 */

/** JSON paths, with indexes dropped, whose strings may span lines. */
const MULTI_LINE_FIELDS = new Set([
  'article.text',
  'entities.description',
  'entities.summary',
  'relations.quote',
  'relations.demand',
  'relations.note',
]);

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'DEL',
};

/** `entities[3].aliases[0]` → `entities.aliases`: the field a path is an instance of. */
export function fieldOfPath(path: string): string {
  return path.replace(/\[\d+\]/g, '').replace(/^\./, '');
}

export function allowsLineBreaks(path: string): boolean {
  return MULTI_LINE_FIELDS.has(fieldOfPath(path));
}

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** 1-based position in code points, as an editor counts characters. */
const positionOf = (value: string, index: number) => [...value.slice(0, index)].length + 1;

/**
 * In a `u` regex a surrogate pair is one code point, outside this range, so only an unpaired
 * surrogate matches (the same test as String.prototype.isWellFormed, with its position).
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/** What is wrong with the characters of a string at `path`, or undefined when nothing is. */
export function characterProblem(value: string, path: string): string | undefined {
  const surrogate = UNPAIRED_SURROGATE.exec(value);
  if (surrogate) {
    return `expected well-formed Unicode text; found an unpaired surrogate ${codePoint(surrogate[0].charCodeAt(0))} at character ${positionOf(value, surrogate.index)}`;
  }
  const multiLine = allowsLineBreaks(path);
  const match = (multiLine ? CONTROL_BUT_LINE_BREAKS : CONTROL).exec(value);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const name = CONTROL_NAMES[code];
  const allowed = multiLine
    ? 'text without control characters (tab and line breaks are allowed here)'
    : 'one line of text without control characters';
  return `expected ${allowed}; found ${codePoint(code)}${name ? ` (${name})` : ''} at character ${positionOf(value, match.index)}`;
}
