/**
 * Dates as the extracted-article format writes them: as precise as the source is.
 * `2024`, `2024-09`, `2024-09-17` or a full ISO 8601 date-time with `Z` or an offset.
 * Date filters compare calendar days, so every date is turned into the first and last
 * day it can mean.
 */

export interface DateBounds {
  /** `YYYY-MM-DD`, inclusive */
  start: string;
  /** `YYYY-MM-DD`, inclusive */
  end: string;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The shape of a date, for the JSON Schema (editors): it cannot know month lengths, so
 * `2024-02-30` passes it and only `isPartialDate` rejects it.
 */
export const PARTIAL_DATE_PATTERN =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$/;

interface Day {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const validMonth = (month: number) => month >= 1 && month <= 12;
const validDay = (year: number, month: number, day: number) =>
  validMonth(month) && day >= 1 && day <= daysInMonth(year, month);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const formatDay = ({ year, month, day }: Day) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Plain calendar arithmetic: `Date` maps years 0..99 to 1900.., which we must not inherit. */
function shiftDay({ year, month, day }: Day, delta: -1 | 0 | 1): Day {
  if (delta === 1) {
    if (day < daysInMonth(year, month)) return { year, month, day: day + 1 };
    return month < 12 ? { year, month: month + 1, day: 1 } : { year: year + 1, month: 1, day: 1 };
  }
  if (delta === -1) {
    if (day > 1) return { year, month, day: day - 1 };
    if (month > 1) return { year, month: month - 1, day: daysInMonth(year, month - 1) };
    return { year: year - 1, month: 12, day: 31 };
  }
  return { year, month, day };
}

/** The UTC calendar day of a date-time, or null when the text is not a valid date-time. */
function utcDayOfDateTime(text: string): Day | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [sign, offsetHours, offsetMinutes] = [m[7], Number(m[8] ?? 0), Number(m[9] ?? 0)];
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  // Local time minus the offset is UTC; offsets are under a day, so at most one day moves.
  const utcMinutes = hour * 60 + minute - offset;
  const delta = utcMinutes < 0 ? -1 : utcMinutes >= 24 * 60 ? 1 : 0;
  return shiftDay({ year, month, day }, delta);
}

function boundsOf(text: string): DateBounds | null {
  const m = PARTIAL.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
    const month = Number(m[2]);
    if (!validMonth(month)) return null;
    if (m[3] === undefined) {
      return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(daysInMonth(year, month))}` };
    }
    return validDay(year, month, Number(m[3])) ? { start: text, end: text } : null;
  }
  const day = utcDayOfDateTime(text);
  return day ? { start: formatDay(day), end: formatDay(day) } : null;
}

export function isPartialDate(text: string): boolean {
  return boundsOf(text) !== null;
}

/** The first and last calendar day a date can mean. Throws on an invalid date. */
export function dateBounds(text: string): DateBounds {
  const bounds = boundsOf(text);
  if (!bounds) throw new RangeError(`Not a date: ${JSON.stringify(text)}`);
  return bounds;
}
