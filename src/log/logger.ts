import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

export type LogLevel = NonNullable<Config['LOG_LEVEL']>;

/** Keys whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS = ['password', 'token', 'authorization', 'Authorization', 'apiToken', 'NEO4J_PASSWORD', 'API_TOKEN'];

/**
 * Redact paths cannot say "at any depth": each key is listed at the top level and under up
 * to four levels of objects or arrays, deeper than anything this code logs. The literal-value
 * guard below catches what sits deeper or under another key.
 */
const REDACT_DEPTH = 4;
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) =>
  Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) => [...Array<string>(depth).fill('*'), key].join('.')),
);

export const REDACTED = '[redacted]';

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
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: secretScrubber([config.NEO4J_PASSWORD, config.API_TOKEN]) },
    },
    typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination,
  );
}
