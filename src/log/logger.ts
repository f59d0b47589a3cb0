import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

export type LogLevel = NonNullable<Config['LOG_LEVEL']>;

/** Keys whose values are secrets wherever they appear in a logged object (any case). */
const SECRET_KEY = /^(password|token|authorization|api_?token|neo4j_password|secret|credentials)$/i;

export const REDACTED = '[redacted]';

/**
 * The object with the value of every secret key, at any depth of plain objects and arrays,
 * replaced; parts without one are shared, not copied. (pino's own `redact` paths need a
 * wildcard per level and cost about 200 µs a line at five levels; this walk costs a few.)
 */
export function redactSecretKeys<T>(value: T, done = new Map<object, unknown>()): T {
  if (value === null || typeof value !== 'object') return value;
  // An object met again (shared, or a cycle) gets what it got the first time.
  if (done.has(value)) return done.get(value) as T;
  done.set(value, value);
  let result: unknown = value;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => redactSecretKeys(item, done));
    if (items.some((item, index) => item !== value[index])) result = items;
  } else if ([Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const fields = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(fields)) {
      const redacted = SECRET_KEY.test(key) ? REDACTED : redactSecretKeys(item, done);
      if (redacted !== item) (copy ??= { ...fields })[key] = redacted;
    }
    if (copy) result = copy;
  }
  done.set(value, result);
  return result as T;
}

/**
 * Replaces each secret in a serialised log line, raw and as JSON escapes it: whatever field or
 * message a secret reaches (an error text, a Cypher parameter under any key), it is not written.
 */
export function secretScrubber(secrets: ReadonlyArray<string | undefined>): (line: string) => string {
  const forms = [
    ...new Set(
      secrets
        .filter((secret): secret is string => typeof secret === 'string' && secret.length > 0)
        .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]),
    ),
  ].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (line) => line;
  return (line) => forms.reduce((scrubbed, form) => scrubbed.replaceAll(form, REDACTED), line);
}

export type LoggerConfig = Pick<Config, 'LOG_LEVEL' | 'NODE_ENV' | 'NEO4J_PASSWORD' | 'API_TOKEN'>;

/** LOG_LEVEL when set; otherwise info, and nothing at all under test. */
export const logLevelOf = (config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): LogLevel =>
  config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'silent' : 'info');

/**
 * The process's logger: JSON lines (pino), secrets redacted by key and by value. The server
 * writes to stdout; a CLI passes `process.stderr` (fd 2) so its own output stays clean.
 */
export function createLogger(config: LoggerConfig, destination: DestinationStream | 1 | 2 = 1): Logger {
  return pino(
    {
      level: logLevelOf(config),
      formatters: { log: (object) => redactSecretKeys(object) },
      hooks: { streamWrite: secretScrubber([config.NEO4J_PASSWORD, config.API_TOKEN]) },
    },
    typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination,
  );
}
