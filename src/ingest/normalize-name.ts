/**
 * The key entity resolution compares names by: "ISIS-K", "Isis K" and "isis‑k." are one
 * name. Connectors (hyphens, dashes, slashes, underscores) separate words like a space
 * does, so "ISIS-K" equals "Isis K"; other punctuation and symbols are dropped, so "U.S."
 * equals "US".
 */

const COMBINING_MARKS = /\p{M}/gu;
const CONNECTORS = /[\p{Pd}\p{Pc}/\\]/gu;
// Transliterations write ʼ ʻ ʾ ʿ (modifier letters, not punctuation) where others write ' or nothing.
const OTHER_PUNCTUATION = /[\p{P}\p{S}\u02B9-\u02BF]/gu;
const WHITESPACE = /\s+/gu;

export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(CONNECTORS, ' ')
    .replace(OTHER_PUNCTUATION, '')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** The distinct, non-empty normalized forms of a name and its aliases. */
export function normalizedNamesOf(name: string, aliases: readonly string[] = []): string[] {
  const names = [name, ...aliases].map(normalizeName).filter((normalized) => normalized !== '');
  return [...new Set(names)];
}

/**
 * The names entity resolution finds an entity by: none for an unnamed one, whose name is a
 * description ("Taliban-backed terrorists in Balochistan") that must not merge it into another.
 */
export function resolutionNamesOf(entity: { name: string; aliases?: readonly string[]; unnamed?: boolean }): string[] {
  return entity.unnamed === true ? [] : normalizedNamesOf(entity.name, entity.aliases);
}
