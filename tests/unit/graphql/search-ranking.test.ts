import { describe, expect, test } from 'vitest';
import type { EntityRow } from '../../../src/db/rows.ts';
import { ENTITY_PROPERTY_KEYS } from '../../../src/domain/graph-properties.ts';
import { editDistance, rankSearchHits } from '../../../src/graphql/search-ranking.ts';

const entity = (id: string, name: string, aliases: string[] = []): EntityRow => ({
  ...(Object.fromEntries(ENTITY_PROPERTY_KEYS.map((key) => [key, null])) as Omit<
    EntityRow,
    'id' | 'type' | 'name' | 'aliases'
  >),
  id,
  type: 'Group',
  name,
  aliases,
});

describe('search ranking', () => {
  test('edit distance', () => {
    expect(editDistance('talibn', 'taliban')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('exact name or alias first, whatever Lucene scored', () => {
    const hits = [
      { entity: entity('isis', 'Islamic State', ['ISIS']), score: 9 },
      { entity: entity('iskp', 'Islamic State Khorasan Province', ['ISKP', 'ISIS-K']), score: 1 },
    ];
    expect(rankSearchHits('iskp', hits).map((e) => e.id)).toEqual(['iskp', 'isis']);
    expect(rankSearchHits('isis k', hits).map((e) => e.id)).toEqual(['iskp', 'isis']);
  });

  test('then a prefix, then the closest name', () => {
    const hits = [
      { entity: entity('ttp', 'Tehrik-i-Taliban Pakistan', ['Pakistani Taliban']), score: 5 },
      { entity: entity('taliban', 'Taliban'), score: 1 },
      { entity: entity('pakistan', 'Pakistan'), score: 2 },
    ];
    expect(rankSearchHits('talibn', hits)[0]!.id).toBe('taliban');
    expect(rankSearchHits('pakis', hits).map((e) => e.id)).toEqual(['pakistan', 'ttp', 'taliban']);
  });
});
