import { describe, expect, test } from 'vitest';
import { asOfBounds, checkFirst, dateWindow, nonEmptyList, relationTypes } from '../../../src/graphql/args.ts';
import { RELATION_TYPES } from '../../../src/domain/vocabulary.ts';
import { authenticate } from '../../../src/graphql/auth.ts';

const badInput = (field: string) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });

describe('argument checks', () => {
  test('since/until become a window of days: partial dates are ranges', () => {
    expect(dateWindow('2024', '2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(dateWindow('2024-02', null)).toEqual({ from: '2024-02-01', to: null });
    expect(dateWindow(null, '2024-02')).toEqual({ from: null, to: '2024-02-29' });
    expect(dateWindow('2024-09-17T23:30:00-02:00', null)).toEqual({ from: '2024-09-18', to: null });
  });

  test('bad dates and reversed windows name the field', () => {
    expect(() => dateWindow('2024-02-30', null, 'filter.')).toThrow(badInput('filter.since'));
    expect(() => dateWindow(null, 'yesterday')).toThrow(badInput('until'));
    expect(() => dateWindow('2025', '2024')).toThrow(badInput('until'));
  });

  test('first within its cap, types default to the vocabulary', () => {
    expect(checkFirst(200, 200)).toBe(200);
    expect(() => checkFirst(201, 200)).toThrow(/the cap is 200/);
    expect(relationTypes(null)).toEqual(RELATION_TYPES);
    expect(relationTypes(['BLAMES', 'BLAMES'])).toEqual(['BLAMES']);
    expect(() => relationTypes([])).toThrow(badInput('types'));
  });

  test('asOf is the days a partial date can mean; anything else names the field', () => {
    expect(asOfBounds('2024-06', 'filter.asOf')).toEqual({ start: '2024-06-01', end: '2024-06-30' });
    expect(asOfBounds(null, 'asOf')).toBeNull();
    expect(() => asOfBounds('June 2024', 'filter.asOf')).toThrow(badInput('filter.asOf'));
  });

  test('a list condition is absent, or has at least one value', () => {
    expect(nonEmptyList(null, 'filter.stances', 'stance')).toBeNull();
    expect(nonEmptyList(['denies', 'denies'], 'filter.stances', 'stance')).toEqual(['denies']);
    expect(() => nonEmptyList([], 'filter.stances', 'stance')).toThrow(badInput('filter.stances'));
  });
});

describe('bearer token', () => {
  const token = 'a-token-of-sixteen-chars';
  test('the right token authenticates; a wrong, missing or malformed one does not', () => {
    expect(authenticate(`Bearer ${token}`, token)).toEqual({
      mutationsEnabled: true,
      tokenPresented: true,
      authenticated: true,
    });
    expect(authenticate(`bearer ${token}`, token).authenticated).toBe(true);
    expect(authenticate(`Bearer ${token}x`, token).authenticated).toBe(false);
    expect(authenticate(token, token)).toEqual({ mutationsEnabled: true, tokenPresented: false, authenticated: false });
    expect(authenticate(null, token).tokenPresented).toBe(false);
  });

  test('without API_TOKEN nothing authenticates', () => {
    expect(authenticate(`Bearer ${token}`, undefined)).toEqual({
      mutationsEnabled: false,
      tokenPresented: true,
      authenticated: false,
    });
  });
});
