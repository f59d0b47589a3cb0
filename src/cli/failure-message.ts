import { Neo4jError } from 'neo4j-driver';
import { ConfigError } from '../config.ts';
import { PortTakenError, wrongPasswordMessage } from '../runtime/neo4j-failures.ts';
import { RuntimeError } from '../runtime/runtime-settings.ts';

/** The Neo4j a command talks to: failure messages name it. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  home?: string;
}

export interface Failure {
  message: string;
  /** A failure the message explains fully (no stack needed to act on it). */
  expected: boolean;
}

const NEO4J_NOT_ANSWERING = new Set(['ServiceUnavailable', 'SessionExpired']);
const PASSWORD_REFUSED = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

/**
 * One sentence per expected failure, naming the fix; anything else is reported with its
 * message, as unexpected.
 */
export function describeFailure(error: unknown, context: { invocation: string; neo4j?: Neo4jTarget }): Failure {
  const expected = (message: string): Failure => ({ message, expected: true });
  const target = context.neo4j;
  if (error instanceof PortTakenError) return expected(error.hint(context.invocation));
  if (isErrno(error) && error.code === 'EADDRINUSE' && error.syscall === 'listen') {
    return expected(new PortTakenError(error.port ?? 0, 'PORT').hint(context.invocation));
  }
  if (error instanceof ConfigError || error instanceof RuntimeError) return expected(error.message);
  if (error instanceof Neo4jError) {
    const uri = target?.uri ?? 'NEO4J_URI';
    if (PASSWORD_REFUSED.has(error.code)) {
      return expected(wrongPasswordMessage({ uri, user: target?.user ?? 'neo4j', home: target?.home }));
    }
    if (NEO4J_NOT_ANSWERING.has(error.code)) {
      return expected(
        `Neo4j does not answer at ${uri}. Start it with npm run db:start (or npm run up), or set NEO4J_URI to a running Neo4j.`,
      );
    }
    if (error.code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return expected(
        `${error.message.replace(/\.?$/, '.')} Set NEO4J_DATABASE to an existing database (Community has one: neo4j).`,
      );
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `${context.invocation} failed: ${message}`, expected: false };
}

function isErrno(error: unknown): error is NodeJS.ErrnoException & { port?: number } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
