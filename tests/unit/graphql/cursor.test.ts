import { describe, expect, test } from 'vitest';
import { decodeRelationKey, encodeRelationKey } from '../../../src/graphql/cursor.ts';

describe('relation ids and cursors', () => {
  test('round trip, with and without a statement', () => {
    for (const key of [
      { type: 'CRITICIZES' as const, sourceId: 'china', targetId: 'taliban', viaId: 'joint-statement' },
      { type: 'SHELTERS' as const, sourceId: 'taliban', targetId: 'ttp', viaId: null },
    ]) {
      const id = encodeRelationKey(key);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeRelationKey(id, 'id')).toEqual(key);
    }
  });

  test('deterministic: the same relation has the same id', () => {
    const key = { type: 'BLAMES' as const, sourceId: 'a', targetId: 'b', viaId: null };
    expect(encodeRelationKey(key)).toBe(encodeRelationKey({ ...key }));
  });

  test('anything else is BAD_USER_INPUT naming the argument', () => {
    for (const bad of [
      '',
      'garbage',
      Buffer.from('a|LIKES|b').toString('base64url'),
      Buffer.from('a|BLAMES|b|via').toString('base64url'),
    ]) {
      expect(() => decodeRelationKey(bad, 'after')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      );
    }
  });
});
