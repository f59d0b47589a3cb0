/**
 * The large run of generated GraphQL requests (the normal suite runs 300 with a fixed seed):
 * 5,000 by default, FUZZ_RUNS to change it, FUZZ_SEED to replay a failure (fast-check prints
 * the seed and the shrunk request of a failure).
 */
import { test } from 'vitest';
import { fuzzGraphqlApi } from '../fuzz/fuzz-graphql-api.ts';
import { API_TOKEN, openApi } from '../integration/api/harness.ts';

const api = await openApi();
const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

test(`${numRuns} generated requests: data or coded errors, never a 5xx or an unexpected error`, async () => {
  await fuzzGraphqlApi(api, API_TOKEN, { numRuns, seed });
});
