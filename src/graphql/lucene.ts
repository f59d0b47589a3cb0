/**
 * Search input is text, never Lucene syntax: a name such as `Tehrik-i-Taliban (TTP)` or
 * `x" OR *:*` must not change what the query means. Every character with a meaning in Lucene
 * is escaped, and the boolean operators are lower-cased (Lucene only knows them in capitals).
 */

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (char) => `\\${char}`);
}

/** Words as the index's standard analyzer cuts them: runs of letters and digits, lower case. */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Fuzzy matching on very short words would match almost anything; on long ones allow two typos. */
function editDistanceFor(term: string): number {
  if (term.length <= 2) return 0;
  return term.length <= 5 ? 1 : 2;
}

/**
 * The Lucene query for a user's search text, or null when it has no word to search for.
 * The whole text as a phrase scores highest; otherwise every word must match exactly, as a
 * prefix (`khor` finds Khorasan) or within a small edit distance (`talibn` finds Taliban).
 */
export function buildLuceneQuery(text: string): string | null {
  const terms = searchTerms(text).slice(0, 12).map(escapeLucene);
  if (terms.length === 0) return null;
  const clauses = terms.map((term) => {
    const distance = editDistanceFor(term);
    const fuzzy = distance > 0 ? ` OR ${term}~${distance}` : '';
    return `(${term}^3 OR ${term}*^2${fuzzy})`;
  });
  const phrase = `"${escapeLucene(terms.join(' '))}"^6`;
  return `${phrase} OR (${clauses.join(' AND ')})`;
}
