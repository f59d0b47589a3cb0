import { describe, expect, test } from 'vitest';
import { firstError, openApi } from './harness.ts';

const api = await openApi();

async function search(query: string, extra = ''): Promise<string[]> {
  const data = await api.data(`query($q: String!) { search(query: $q${extra}) { id } }`, { q: query });
  return (data.search as Array<{ id: string }>).map((hit) => hit.id);
}

describe('search', () => {
  test('an exact alias ranks first: ISKP finds Islamic State Khorasan Province', async () => {
    expect((await search('ISKP'))[0]).toBe('islamic-state-khorasan-province');
    expect((await search('ISIS-K'))[0]).toBe('islamic-state-khorasan-province');
  });

  test('case does not matter', async () => {
    expect((await search('iskp'))[0]).toBe('islamic-state-khorasan-province');
    expect((await search('PAKISTAN'))[0]).toBe('pakistan');
  });

  test('small typos are tolerated, and the closest name ranks first', async () => {
    expect((await search('Talibn'))[0]).toBe('taliban');
    expect((await search('Pakistn'))[0]).toBe('pakistan');
    expect((await search('Balochistan Liberaton Army'))[0]).toBe('balochistan-liberation-army');
  });

  test('an exact name beats a longer name that contains it', async () => {
    const hits = await search('Taliban');
    expect(hits[0]).toBe('taliban');
    expect(hits).toContain('tehrik-i-taliban-pakistan');
  });

  test('a prefix finds the name', async () => {
    expect(await search('Khoras')).toEqual(['islamic-state-khorasan-province']);
  });

  test('types and first', async () => {
    expect(await search('Taliban', ', types: [STATE]')).toEqual([]);
    expect(await search('Pakistan', ', types: [GROUP]')).toEqual(['tehrik-i-taliban-pakistan']);
    expect(await search('Pakistan', ', first: 1')).toEqual(['pakistan']);
  });

  test('input is text, never Lucene syntax', async () => {
    // Each would be a syntax error, or match everything, if it reached Lucene unescaped.
    for (const text of [
      'x" OR *:*',
      '*',
      'AND',
      'Taliban)',
      'name:Taliban',
      '[a TO z]',
      '\\',
      'NOT Taliban',
      'Taliban~0.1^9',
    ]) {
      const { body } = await api.gql(`query($q: String!) { search(query: $q) { id } }`, { q: text });
      if (body.errors) {
        expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
      } else {
        expect(body.data.search.length).toBeLessThan(5);
      }
    }
    expect(await search('NOT Taliban')).not.toContain('pakistan');
    // Words, all required: no entity is called "name", so a field prefix finds nothing rather than Taliban.
    expect(await search('name:Taliban')).toEqual([]);
  });

  test('nothing to search for, a too long query or first above the cap: BAD_USER_INPUT', async () => {
    for (const [query, extra, field] of [
      ['   ', '', 'query'],
      ['*?!', '', 'query'],
      ['x'.repeat(201), '', 'query'],
      ['Taliban', ', first: 51', 'first'],
    ] as const) {
      const { body } = await api.gql(`query($q: String!) { search(query: $q${extra}) { id } }`, { q: query });
      expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
