/**
 * The errors a client can cause or must react to, each with its `extensions.code`. Anything
 * else is unexpected and masked by Yoga in production ("Unexpected error.").
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
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

export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super('The database is not reachable; try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
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
