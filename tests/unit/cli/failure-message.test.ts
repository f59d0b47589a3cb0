import { Neo4jError } from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { describeFailure } from '../../../src/cli/failure-message.ts';
import { ConfigError } from '../../../src/config.ts';
import { PortTakenError } from '../../../src/runtime/neo4j-failures.ts';

const neo4jError = (code: string, message = 'driver message') => new Neo4jError(message, code, '50N42', 'error');
const context = { invocation: 'npm run up', neo4j: { uri: 'bolt://localhost:7687', user: 'neo4j' } };

describe('failure messages', () => {
  test('a taken port names the command the user ran, with another port to try', () => {
    const failure = describeFailure(new PortTakenError(7687, 'NEO4J_BOLT_PORT'), context);
    expect(failure).toEqual({
      message:
        'Port 7687 (NEO4J_BOLT_PORT) is already taken by another process. Stop it, or choose another port, e.g. NEO4J_BOLT_PORT=8687 npm run up.',
      expected: true,
    });
  });

  test("the API's port taken at listen (EADDRINUSE) is reported as PORT, for the command run", () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4000'), {
      code: 'EADDRINUSE',
      syscall: 'listen',
      port: 4000,
    });
    expect(describeFailure(error, { invocation: 'npm start' }).message).toBe(
      'Port 4000 (PORT) is already taken by another process. Stop it, or choose another port, e.g. PORT=5000 npm start.',
    );
  });

  test('a refused password names the database and NEO4J_PASSWORD', () => {
    const failure = describeFailure(neo4jError('Neo.ClientError.Security.Unauthorized'), context);
    expect(failure.expected).toBe(true);
    expect(failure.message).toContain(
      'Neo4j at bolt://localhost:7687 refused user "neo4j" with the password in NEO4J_PASSWORD',
    );
  });

  test('a Neo4j that does not answer names its URI and how to start it', () => {
    const failure = describeFailure(neo4jError('ServiceUnavailable'), context);
    expect(failure.message).toBe(
      'Neo4j does not answer at bolt://localhost:7687. Start it with npm run db:start (or npm run up), or set NEO4J_URI to a running Neo4j.',
    );
  });

  test('a bad environment value is its own message', () => {
    expect(describeFailure(new ConfigError('Invalid environment:\n  PORT="x": expected number'), context)).toEqual({
      message: 'Invalid environment:\n  PORT="x": expected number',
      expected: true,
    });
  });

  test('anything else is reported as unexpected, with the command and the message', () => {
    expect(describeFailure(new TypeError('boom'), context)).toEqual({
      message: 'npm run up failed: boom',
      expected: false,
    });
  });
});
