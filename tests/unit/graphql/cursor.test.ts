import { describe, expect, test } from 'vitest';
import {
  decodeClaimCursor,
  decodeRelationKey,
  encodeClaimCursor,
  encodeRelationKey,
} from '../../../src/graphql/cursor.ts';

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

describe('claim cursors', () => {
  const position = { dateStart: '2024-09-01', dateEnd: '2024-09-30', articleId: 'dawn-2024-09-17', ordinal: 12 };

  test('round trip: a cursor gives back the claim’s place in evidence order', () => {
    expect(decodeClaimCursor(encodeClaimCursor(position), 'after')).toEqual(position);
  });

  test('anything else is BAD_USER_INPUT naming the argument', () => {
    for (const bad of [
      '',
      'not-a-cursor',
      encodeRelationKey({ type: 'CRITICIZES', sourceId: 'a', targetId: 'b', viaId: null }),
    ]) {
      expect(() => decodeClaimCursor(bad, 'after')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      );
    }
  });
});
