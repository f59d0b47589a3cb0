/**
 * The checks that run on the raw JSON before the schema: the counts that decide what a
 * document will cost (so an oversized one is refused before zod walks it), and the
 * characters of every string (character-policy.ts). Both walk without recursion, so no
 * nesting depth can overflow the stack.
 */
import { characterProblem } from './character-policy.ts';
import type { IngestLimits } from './ingest-limits.ts';
import { formatCount, formatPath, type ValidationIssue } from './issues.ts';

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** `entities: expected at most 2,000 entities, received 100,000` */
export function checkCounts(json: unknown, file: string, limits: IngestLimits): ValidationIssue[] {
  const root = asRecord(json);
  const caps = [
    { key: 'entities', max: limits.maxEntities },
    { key: 'relations', max: limits.maxRelations },
  ];
  return caps.flatMap(({ key, max }) => {
    const values = root[key];
    if (!Array.isArray(values) || values.length <= max) return [];
    return [
      {
        file,
        path: key,
        message: `expected at most ${formatCount(max)} ${key}, received ${formatCount(values.length)}`,
      },
    ];
  });
}

/**
 * How deep the character check looks. The format's deepest string is at depth 4
 * (`entities[0].aliases[1]`); anything deeper sits inside a value the schema refuses whole,
 * and walking it would only cost time and produce unreadable paths.
 */
const MAX_CHECKED_DEPTH = 8;

interface Visit {
  value: unknown;
  key: PropertyKey | undefined;
  parent: Visit | undefined;
  depth: number;
}

/** The path of a visit, built only for a string that has a problem. */
function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/** Every string value of the document that breaks the character policy, in document order. */
export function checkCharacters(json: unknown, file: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: Visit[] = [{ value: json, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      const where = formatPath(pathOf(visit));
      const problem = characterProblem(value, where);
      if (problem) issues.push({ file, path: where, message: problem });
    } else if (value !== null && typeof value === 'object' && depth < MAX_CHECKED_DEPTH) {
      const entries = Array.isArray(value)
        ? value.map((child, index) => [index, child] as const)
        : Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index]!;
        stack.push({ value: child, key, parent: visit, depth: depth + 1 });
      }
    }
  }
  return issues;
}
