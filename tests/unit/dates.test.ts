import { describe, expect, it } from 'vitest';
import { dateBounds, isPartialDate } from '../../src/domain/dates.ts';

describe('partial dates', () => {
  it.each([
    '2024',
    '2024-09',
    '2024-09-17',
    '2024-09-17T10:30:00Z',
    '2024-09-17T10:30Z',
    '2024-09-17T10:30:00.125+05:00',
    '2024-02-29',
  ])('accepts %s', (text) => expect(isPartialDate(text)).toBe(true));

  it.each([
    ['an impossible day', '2024-02-30'],
    ['February 29 of a common year', '2023-02-29'],
    ['February 29 of a century that is not a leap year', '1900-02-29'],
    ['month 13', '2024-13'],
    ['month 00', '2024-00'],
    ['day 00', '2024-01-00'],
    ['a one-digit month', '2024-1'],
    ['a two-digit year', '24'],
    ['a date-time without offset', '2024-09-17T10:30:00'],
    ['a date-time with a space', '2024-09-17 10:30:00Z'],
    ['hour 24', '2024-09-17T24:00:00Z'],
    ['an impossible day in a date-time', '2024-02-30T10:00:00Z'],
    ['a lower-case t', '2024-09-17t10:30:00Z'],
    ['an empty string', ''],
    ['a day-first date', '17-09-2024'],
  ])('rejects %s', (_rule, text) => expect(isPartialDate(text)).toBe(false));
});

describe('date bounds', () => {
  it('spans the whole year for YYYY', () => {
    expect(dateBounds('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(dateBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('ends February on the 28th in a common year and in 1900', () => {
    expect(dateBounds('2023-02').end).toBe('2023-02-28');
    expect(dateBounds('1900-02').end).toBe('1900-02-28');
    expect(dateBounds('2000-02').end).toBe('2000-02-29');
  });

  it('knows 30-day months', () => {
    expect(dateBounds('2024-09')).toEqual({ start: '2024-09-01', end: '2024-09-30' });
  });

  it('is the day itself for YYYY-MM-DD', () => {
    expect(dateBounds('2024-09-17')).toEqual({ start: '2024-09-17', end: '2024-09-17' });
  });

  it('is the UTC calendar day of a date-time', () => {
    expect(dateBounds('2024-09-17T23:59:59Z')).toEqual({ start: '2024-09-17', end: '2024-09-17' });
    expect(dateBounds('2024-03-01T01:00:00+02:00')).toEqual({ start: '2024-02-29', end: '2024-02-29' });
    expect(dateBounds('2024-12-31T23:30:00-01:00')).toEqual({ start: '2025-01-01', end: '2025-01-01' });
  });

  it('does not shift years below 100 the way Date does', () => {
    expect(dateBounds('0050-02')).toEqual({ start: '0050-02-01', end: '0050-02-28' });
  });

  it('throws on an invalid date', () => {
    expect(() => dateBounds('2024-02-30')).toThrow('Not a date: "2024-02-30"');
  });
});
