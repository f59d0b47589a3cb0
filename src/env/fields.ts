import { z } from 'zod';

/**
 * Zod pieces for environment variables, shared by the API's config (src/config.ts) and the
 * local runtime's settings (src/runtime/runtime-settings.ts): a variable both read, such as
 * NEO4J_PASSWORD, is parsed the same way whichever command reads it.
 */

/** The password the local runtime gives a new instance; fine on a laptop, never in production. */
export const DEFAULT_NEO4J_PASSWORD = 'geograph-local';

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const positiveInt = (fallback: number, max = 1_000_000_000) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** `true`/`false` (also 1/0, yes/no, on/off). */
export const flag = () => z.stringbool().optional();

export const neo4jPassword = z
  .string()
  .min(8, 'expected at least 8 characters (Neo4j refuses shorter passwords)')
  .default(DEFAULT_NEO4J_PASSWORD);

/** A JVM memory size, as neo4j.conf takes it. */
export const memorySize = z.string().regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 2g');
