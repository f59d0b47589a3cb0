import { Neo4jError } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { describe, expect, test } from 'vitest';
import { mapNeo4jError } from '../../../src/graphql/errors.ts';

const neo4jError = (code: string) => new Neo4jError(`error ${code}`, code, '50N42', 'general processing exception');
const codeOf = (error: unknown) => (error instanceof GraphQLError ? error.extensions.code : 'unmapped');

describe('Neo4j errors as the API reports them', () => {
  test('a database shutting down or starting, still failing after the driver retried, is SERVICE_UNAVAILABLE', () => {
    expect(codeOf(mapNeo4jError(neo4jError('Neo.TransientError.General.DatabaseUnavailable')))).toBe(
      'SERVICE_UNAVAILABLE',
    );
  });

  test('an unreachable database is SERVICE_UNAVAILABLE', () => {
    expect(codeOf(mapNeo4jError(neo4jError('ServiceUnavailable')))).toBe('SERVICE_UNAVAILABLE');
  });

  test('a transaction over its memory limit is not reported as an unavailable database', () => {
    expect(codeOf(mapNeo4jError(neo4jError('Neo.TransientError.General.MemoryPoolOutOfMemoryError')))).toBe('unmapped');
  });

  test('a database error that is not transient stays unexpected (masked by the server)', () => {
    expect(codeOf(mapNeo4jError(neo4jError('Neo.DatabaseError.General.UnknownError')))).toBe('unmapped');
  });
});
