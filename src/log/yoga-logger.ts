import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from './logger.ts';

/**
 * Yoga logs an error object (an unexpected error it masked) or a message with extra values;
 * pino wants its fields first: an error goes under `err` with its stack, extras under `details`.
 */
export function yogaLogger(log: Logger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) log[level]({ err: first, ...(rest.length > 0 && { details: rest }) }, first.message);
      else log[level](rest.length > 0 ? { details: rest } : {}, String(first));
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
