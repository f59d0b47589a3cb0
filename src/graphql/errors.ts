/**
 * The errors a client can cause or must react to, each with its `extensions.code`. Anything
 * else is unexpected and masked by Yoga in production ("Unexpected error.").
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { QueryBudgetExceeded, RequestDeadlineExceeded } from '../db/query-runner.ts';
import { moreProblemsLine } from '../ingest/issues.ts';

export interface InputIssue {
  /** Argument path, e.g. `filter.minConfidence`. */
  field: string;
  reason: string;
}

export class BadUserInputError extends GraphQLError {
  /**
   * `moreIssues`: how many further problems the input has beyond those listed (a report is
   * capped so an invalid multi-megabyte document gets a small answer); the message says so
   * too, and `extensions.moreIssues` carries the count.
   */
  constructor(issues: InputIssue | readonly InputIssue[], extra: Record<string, unknown> = {}, moreIssues = 0) {
    const list = Array.isArray(issues) ? [...issues] : [issues as InputIssue];
    const [first] = list;
    const listed = list.map((issue) => `${issue.field}: ${issue.reason}`);
    if (moreIssues > 0) listed.push(moreProblemsLine(moreIssues));
    super(`Invalid argument ${listed.join('; ')}`, {
      extensions: {
        code: 'BAD_USER_INPUT',
        field: first?.field,
        reason: first?.reason,
        issues: list,
        ...(moreIssues > 0 && { moreIssues }),
        ...extra,
      },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, field: string) {
    super(`No ${what} with id ${JSON.stringify(id)}`, { extensions: { code: 'NOT_FOUND', field, id } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message: string, reason: 'MISSING_TOKEN' | 'INVALID_TOKEN' | 'MUTATIONS_DISABLED') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
  }
}

/** Why the server cannot answer now: its own state, not the request's fault. */
export type UnavailableReason = 'DATABASE_UNREACHABLE' | 'DATABASE_BUSY' | 'DATABASE_AUTH_FAILED';

const UNAVAILABLE_MESSAGES: Record<UnavailableReason, string> = {
  DATABASE_UNREACHABLE: 'The database is not reachable; try again shortly.',
  DATABASE_BUSY: 'The database is busy (no free connection); try again shortly.',
  DATABASE_AUTH_FAILED: 'The server cannot log in to its database; try again later.',
};

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

export class ServiceUnavailableError extends GraphQLError {
  constructor(reason: UnavailableReason = 'DATABASE_UNREACHABLE') {
    super(UNAVAILABLE_MESSAGES[reason], {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        reason,
        http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
      },
    });
  }
}

/** Which operation limit a request broke; each has its own code (docs/api.md, "Limits"). */
export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  queries: 'QUERY_BUDGET_EXCEEDED',
  responseSize: 'RESPONSE_TOO_LARGE',
} as const;
export type LimitName = keyof typeof LIMIT_CODES;

/** The request asks for more than one request may: nothing (more) of it runs. HTTP 400. */
export class OperationLimitError extends GraphQLError {
  constructor(limit: LimitName, message: string, details: { max?: number; found?: number } = {}) {
    // spec: false, or Yoga answers a validation error 200 to clients that accept application/json.
    super(message, { extensions: { code: LIMIT_CODES[limit], ...details, http: { status: 400, spec: false } } });
  }
}

/** The request's deadline passed: its answer is dropped and its Cypher stopped. HTTP 504. */
export class RequestTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(
      `The request took longer than ${timeoutMs} ms and was stopped; narrow it (fewer hops, a filter, a smaller page).`,
      {
        extensions: { code: 'REQUEST_TIMEOUT', timeoutMs, http: { status: 504 } },
      },
    );
  }
}

/** Another writer holds the ingest lease (a seed run, say): the request may simply be retried. */
export class WriterBusyError extends GraphQLError {
  constructor(message: string, retryAfterSeconds = 10) {
    super(message, {
      extensions: { code: 'WRITER_BUSY', http: { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } } },
    });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

/** One Cypher query ran into its transaction timeout (QUERY_TIMEOUT_MS or the deadline). HTTP 504. */
export class QueryTimeoutError extends GraphQLError {
  constructor() {
    super('The query took too long and was stopped; narrow it (fewer hops, a filter, a smaller page).', {
      extensions: { code: 'QUERY_TIMEOUT', http: { status: 504 } },
    });
  }
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
  'Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration',
]);

const AUTH_FAILURE_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

/**
 * neo4j-driver-core's pool (internal/pool/pool.js, getAcquisitionTimeoutError) rejects with
 * `newError(message)`: code 'N/A', so only the message tells a full pool apart.
 */
const isAcquisitionTimeout = (error: Neo4jError) => error.message.startsWith('Connection acquisition timed out');

/** Driver and query-runner errors mapped once, at the query runner and the mutation boundary. */
export function mapNeo4jError(error: unknown): unknown {
  if (error instanceof QueryBudgetExceeded) {
    return new OperationLimitError('queries', `The request needs more than ${error.max} database queries; split it.`, {
      max: error.max,
    });
  }
  if (error instanceof RequestDeadlineExceeded) return new RequestTimeoutError(error.timeoutMs);
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')
    return new ServiceUnavailableError('DATABASE_UNREACHABLE');
  if (AUTH_FAILURE_CODES.has(error.code)) return new ServiceUnavailableError('DATABASE_AUTH_FAILED');
  if (isAcquisitionTimeout(error)) return new ServiceUnavailableError('DATABASE_BUSY');
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with data already in the graph (a uniqueness constraint).');
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return new QueryTimeoutError();
  }
  // A retryable error here outlasted the driver's own retries: a database shutting down or starting
  // (Neo.TransientError.General.DatabaseUnavailable and the like), not the request's fault. A
  // transaction over its memory limit is transient too, but it is the request's size: not this.
  if (error.retryable && !error.code.includes('Memory')) return new ServiceUnavailableError('DATABASE_UNREACHABLE');
  return error;
}
