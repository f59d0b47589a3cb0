/**
 * Argument checks beyond what GraphQL types can say. Each failure is a BAD_USER_INPUT that
 * names the argument and says what was expected, in the words of src/ingest/issues.ts.
 */
import { dateBounds, isPartialDate } from '../domain/dates.ts';
import { RELATION_TYPES, type RelationType } from '../domain/vocabulary.ts';
import type { EvidenceFilter } from '../db/rows.ts';
import { BadUserInputError } from './errors.ts';

/** An integer within min..max; above a cap the reason names the cap. */
export function checkRange(value: number, min: number, max: number, field: string, hint = ''): number {
  if (value < min || value > max) {
    const cap = value > max ? ` (the cap is ${max}${hint ? `; ${hint}` : ''})` : '';
    throw new BadUserInputError({
      field,
      reason: `expected an integer from ${min} to ${max}, received ${value}${cap}`,
    });
  }
  return value;
}

export const checkFirst = (value: number, max: number, field = 'first', hint = '') =>
  checkRange(value, 1, max, field, hint);

/** Null or absent means every type of the vocabulary. */
export function relationTypes(
  types: readonly RelationType[] | null | undefined,
  field = 'types',
): readonly RelationType[] {
  if (types == null) return RELATION_TYPES;
  if (types.length === 0)
    throw new BadUserInputError({ field, reason: 'expected at least one relation type, or no list for all' });
  return [...new Set(types)];
}

const DATE_EXPECTED = 'expected a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time with Z or an offset';

/**
 * since/until as a window of calendar days: since takes the first day its date can mean,
 * until the last, so evidence dated `2024-09` is inside since: "2024", until: "2024".
 */
export function dateWindow(
  since: string | null | undefined,
  until: string | null | undefined,
  prefix = '',
): Pick<EvidenceFilter, 'from' | 'to'> {
  for (const [name, value] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (value != null && !isPartialDate(value)) {
      throw new BadUserInputError({
        field: `${prefix}${name}`,
        reason: `${DATE_EXPECTED}, received ${JSON.stringify(value)}`,
      });
    }
  }
  const from = since != null ? dateBounds(since).start : null;
  const to = until != null ? dateBounds(until).end : null;
  if (from !== null && to !== null && from > to) {
    throw new BadUserInputError({
      field: `${prefix}until`,
      reason: `expected a date on or after since (${since}), received ${JSON.stringify(until)}`,
    });
  }
  return { from, to };
}

/** An as-of date as the days it can mean: a claim holds as of it when its span meets them. */
export function asOfBounds(value: string | null | undefined, field: string): EvidenceFilter['asOf'] {
  if (value == null) return null;
  if (!isPartialDate(value)) {
    throw new BadUserInputError({ field, reason: `${DATE_EXPECTED}, received ${JSON.stringify(value)}` });
  }
  return dateBounds(value);
}

/** Null or absent means no condition; an empty list would match nothing, so it is refused. */
export function nonEmptyList<T>(
  values: readonly T[] | null | undefined,
  field: string,
  what: string,
): readonly T[] | null {
  if (values == null) return null;
  if (values.length === 0)
    throw new BadUserInputError({ field, reason: `expected at least one ${what}, or no list for all` });
  return [...new Set(values)];
}

export function checkConfidence(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!(value >= 0 && value <= 1)) {
    throw new BadUserInputError({ field, reason: `expected a number from 0 to 1, received ${value}` });
  }
  return value;
}
