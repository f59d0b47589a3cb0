/**
 * The fuzz property: any generated request (tests/fuzz/graphql-requests.ts), sent through
 * `yoga.fetch` in-process, gets an answer below 500 that is JSON with data or with errors that
 * all carry a code, none of them a masked unexpected error.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ApiUnderTest } from '../integration/api/harness.ts';
import { graphqlRequest, type FuzzRequest } from './graphql-requests.ts';
import { buildSchema } from '../../src/graphql/schema.ts';

export interface FuzzRun {
  numRuns: number;
  /** Fixed in the normal suite, so a failure there replays; the reliability run may vary it. */
  seed?: number;
}

/** Why an answer breaks the property, or null when it holds. */
export function answerProblem(status: number, text: string): string | null {
  if (status >= 500) return `HTTP ${status}`;
  let body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  if (!body.errors) return body.data === undefined ? 'neither data nor errors' : null;
  const uncoded = body.errors.find((error) => typeof error.extensions?.code !== 'string');
  if (uncoded) return `an error without a code: ${JSON.stringify(uncoded).slice(0, 300)}`;
  const unexpected = body.errors.find(
    (error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || error.message === 'Unexpected error.',
  );
  if (unexpected) return `an unexpected error: ${JSON.stringify(unexpected).slice(0, 300)}`;
  return null;
}

async function send(api: ApiUnderTest, token: string, request: FuzzRequest): Promise<string | null> {
  const response = await api.app.yoga.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(request.withToken && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
  });
  return answerProblem(response.status, await response.text());
}

export async function fuzzGraphqlApi(api: ApiUnderTest, token: string, run: FuzzRun): Promise<void> {
  const property = fc.asyncProperty(graphqlRequest(buildSchema()), async (request) => {
    const problem = await send(api, token, request);
    expect(problem, `${request.query}\nvariables: ${JSON.stringify(request.variables).slice(0, 500)}`).toBeNull();
  });
  await fc.assert(property, { numRuns: run.numRuns, seed: run.seed, endOnFailure: true });
}
