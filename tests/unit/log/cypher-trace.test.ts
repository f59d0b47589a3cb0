import { expect, test } from 'vitest';
import { abbreviate } from '../../../src/db/cypher-trace.ts';

test('a list parameter longer than ten items is logged as its first ten and a count', () => {
  const rows = Array.from({ length: 2000 }, (_, index) => ({ id: index, names: ['a'] }));
  const logged = abbreviate({ rows, name: 'x' }) as { rows: unknown[]; name: string };
  expect(logged.rows).toHaveLength(11);
  expect(logged.rows[0]).toEqual({ id: 0, names: ['a'] });
  expect(logged.rows[10]).toBe('… 1990 more');
  expect(logged.name).toBe('x');
});

test('short lists and scalars are logged as they are', () => {
  expect(abbreviate({ ids: ['a', 'b'], limit: 3, when: null })).toEqual({ ids: ['a', 'b'], limit: 3, when: null });
});
