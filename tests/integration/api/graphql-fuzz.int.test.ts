/**
 * Generated requests, a small fixed-seed run (the large one is `npm run test:reliability`):
 * whatever the document, its arguments and variables, the API answers data or coded errors,
 * never a crash or a 5xx.
 */
import { test } from 'vitest';
import { fuzzGraphqlApi } from '../../fuzz/fuzz-graphql-api.ts';
import { API_TOKEN, openApi } from './harness.ts';

const api = await openApi();

test('300 generated requests: data or coded errors, never a 5xx or an unexpected error', async () => {
  await fuzzGraphqlApi(api, API_TOKEN, { numRuns: 300, seed: 20_261_127 });
}, 120_000);
