/**
 * Problems found in input files, located by file and JSON path, in plain words. Every
 * message says what was expected, so an analyst can fix the file without reading code.
 */
import type { z } from 'zod';

export interface ValidationIssue {
  file: string;
  /** JSON path inside the file, e.g. `relations[3].target`; `` for the whole file. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const MAX_SHOWN = 80;

/** `100000` → `"100,000"`: counts in messages read as analysts write them. */
export const formatCount = (value: number): string => value.toLocaleString('en-US');

/** How a received value reads in a message: strings quoted and shortened, structures named. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` */
export function listWords(words: readonly string[], conjunction = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const quoted = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value));

function expectedOneOf(values: readonly unknown[]): string {
  return values.length === 1 ? `expected ${quoted(values)[0]}` : `expected one of ${listWords(quoted(values))}`;
}

function received(input: unknown): string {
  return input === undefined ? ', but it is missing' : `, received ${describeValue(input)}`;
}

/** A discriminated union reports the whole object; what was received is its discriminator's value. */
function receivedInput(issue: z.core.$ZodIssue): unknown {
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
    const input = issue.input;
    return input !== null && typeof input === 'object'
      ? (input as Record<string, unknown>)[issue.discriminator]
      : undefined;
  }
  return issue.input;
}

/** A list over its cap is better described by its length than as "an array". */
function receivedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && Array.isArray(issue.input)) return `, received ${formatCount(issue.input.length)}`;
  return received(receivedInput(issue));
}

function bound(origin: string, side: 'min' | 'max', limit: number | bigint, inclusive = true): string {
  const most = side === 'min' ? 'at least' : 'at most';
  if (origin === 'string') return `a string of ${most} ${limit} characters`;
  if (origin === 'array') return `${most} ${limit} items`;
  if (inclusive) return `a number ${most} ${limit}`;
  return `a number ${side === 'min' ? 'greater' : 'less'} than ${limit}`;
}

/** One zod issue (parsed with `reportInput: true`) in plain words. */
export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  // The schema's own messages (see article.schema.ts) already say what was expected.
  if (issue.message.startsWith('expected ')) return `${issue.message}${receivedOf(issue)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}${received(issue.input)}`;
    case 'invalid_value':
      return `${expectedOneOf(issue.values)}${received(issue.input)}`;
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        return `${expectedOneOf(issue.options)}${receivedOf(issue)}`;
      }
      return `expected a value of one of the allowed shapes${received(issue.input)}`;
    }
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${listWords(quoted(issue.keys), 'and')}: expected only the keys the format defines here`;
    case 'too_small':
      return `expected ${bound(issue.origin, 'min', issue.minimum, issue.inclusive)}${received(issue.input)}`;
    case 'too_big':
      return `expected ${bound(issue.origin, 'max', issue.maximum, issue.inclusive)}${received(issue.input)}`;
    default:
      return `${issue.message}${received(issue.input)}`;
  }
}

export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ file, path: formatPath(issue.path), message: zodIssueMessage(issue) }));
}

/** A plain list, grouped by file in the order the files first appear. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  const byFile = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const group = byFile.get(issue.file) ?? [];
    group.push(issue);
    byFile.set(issue.file, group);
  }
  return [...byFile.values()]
    .map((group) =>
      group
        .map(({ file, path, message }) => (path ? `✖ ${file} → ${path}: ${message}` : `✖ ${file}: ${message}`))
        .join('\n'),
    )
    .join('\n\n');
}

/** The issues a report lists, and how many more it only counts. */
export interface CappedIssues {
  shown: ValidationIssue[];
  more: number;
}

/** The first `max` issues: a report stays readable, and small, whatever the input. */
export function capIssues(issues: readonly ValidationIssue[], max: number): CappedIssues {
  return { shown: issues.slice(0, max), more: Math.max(0, issues.length - max) };
}

/** `… and 12,345 more problems` */
export function moreProblemsLine(more: number): string {
  return `… and ${formatCount(more)} more problem${more === 1 ? '' : 's'}`;
}

/** `formatIssues` of the first `max` issues, then how many more there are. */
export function formatIssueReport(issues: readonly ValidationIssue[], max: number): string {
  const { shown, more } = capIssues(issues, max);
  return more > 0 ? `${formatIssues(shown)}\n${moreProblemsLine(more)}` : formatIssues(shown);
}
