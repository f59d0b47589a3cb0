/**
 * Lucene scores a name by its words, so `talibn` can rank "Tehrik-i-Taliban Pakistan" (two
 * fields with "taliban") above "Taliban". Analysts expect the closest name first: an exact
 * name or alias, then a name or alias that starts with the text, then the most similar one;
 * Lucene's score only breaks ties.
 */
import type { SearchHit } from '../db/entities.repo.ts';
import type { EntityRow } from '../db/rows.ts';

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

interface Closeness {
  tier: 0 | 1 | 2;
  similarity: number;
}

function closeness(query: string, entity: EntityRow): Closeness {
  let best: Closeness = { tier: 2, similarity: 0 };
  for (const name of [entity.name, ...entity.aliases].map(fold)) {
    const tier = name === query ? 0 : name.startsWith(query) ? 1 : 2;
    const similarity = 1 - editDistance(query, name) / Math.max(query.length, name.length, 1);
    if (tier < best.tier || (tier === best.tier && similarity > best.similarity)) best = { tier, similarity };
  }
  return best;
}

export function rankSearchHits(text: string, hits: readonly SearchHit[]): EntityRow[] {
  const query = fold(text);
  return hits
    .map((hit) => ({ hit, ...closeness(query, hit.entity) }))
    .sort(
      (x, y) =>
        x.tier - y.tier ||
        y.similarity - x.similarity ||
        y.hit.score - x.hit.score ||
        x.hit.entity.id.localeCompare(y.hit.entity.id),
    )
    .map(({ hit }) => hit.entity);
}
