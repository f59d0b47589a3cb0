/**
 * Reading what Neo4j returned through a schema (src/db/rows.ts): a record of another shape
 * (a query changed, a property missing or of another type) fails at once, naming the query's
 * value and the field, instead of flowing on as a wrong type.
 */
import type { z } from 'zod';

export class UnexpectedRowError extends Error {
  override name = 'UnexpectedRowError';
}

const pathText = (path: readonly PropertyKey[]) =>
  path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');

/** `value` as `schema` says; `what` names it in the error (e.g. "relations page record"). */
export function parseRow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const where = issue ? `${what}${pathText(issue.path)}: ${issue.message}` : what;
  throw new UnexpectedRowError(`Neo4j returned an unexpected ${where}`);
}

/** Each record through `schema`; the error names the record's position. */
export const parseRows = <T extends z.ZodType>(schema: T, records: readonly unknown[], what: string): z.output<T>[] =>
  records.map((record, index) => parseRow(schema, record, `${what}[${index}]`));
