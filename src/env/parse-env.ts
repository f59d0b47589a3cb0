import type { z } from 'zod';

/** A variable whose value never appears in a message: passwords and tokens. */
export function isSecretVariable(name: string): boolean {
  return /PASSWORD|TOKEN|SECRET/.test(name);
}

/**
 * The environment through `schema`, or `error` with one line per bad variable: its name, its
 * value (secrets as `(hidden)`) and what was expected. An empty variable means "not set", as in
 * shells and .env files.
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
  error: (message: string) => Error,
  heading = 'Invalid environment',
): z.output<Schema> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    const shown = value === undefined ? '(unset)' : isSecretVariable(name) ? '(hidden)' : JSON.stringify(value);
    return `  ${name}=${shown}: ${issue.message}`;
  });
  throw error(`${heading}:\n${lines.join('\n')}`);
}
