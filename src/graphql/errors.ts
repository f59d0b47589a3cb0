/**
 * The errors a client can cause or must react to, each with its `extensions.code`. Anything
 * else is unexpected and masked by Yoga in production ("Unexpected error.").
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

export interface InputIssue {
  /** Argument path, e.g. `filter.minConfidence`. */
  field: string;
  reason: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(issues: InputIssue | readonly InputIssue[], extra: Record<string, unknown> = {}) {
    const list = Array.isArray(issues) ? [...issues] : [issues as InputIssue];
    const [first] = list;
    const message = list.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
    super(`Invalid argument ${message}`, {
      extensions: { code: 'BAD_USER_INPUT', field: first?.field, reason: first?.reason, issues: list, ...extra },
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

export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super('The database is not reachable; try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    });
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

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
  'Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Driver errors mapped once, at the query runner and the mutation boundary. */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired') return new ServiceUnavailableError();
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with data already in the graph (a uniqueness constraint).');
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return new GraphQLError('The query took too long and was stopped; narrow it (fewer hops, a filter, a smaller page).', {
      extensions: { code: 'QUERY_TIMEOUT' },
    });
  }
  return error;
}
