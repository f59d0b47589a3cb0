import { defineConfig } from 'vitest/config';

/**
 * The reliability runs (`npm run test:reliability`): large generated-input runs (GraphQL
 * requests, articles), a Neo4j outage under traffic, and normal load with hostile requests
 * alongside. They take minutes, so they stay out of `npm test`. Every file runs against the
 * real Neo4j of the integration tests (same global setup), or its own throw-away instance,
 * one file after another.
 */
export default defineConfig({
  // As in vitest.config.ts: the API must load the graphql copy Node loads (index.js), or
  // `instanceof GraphQLError` fails between graphql-yoga and our resolvers.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'reliability',
    include: ['tests/reliability/**/*.test.ts'],
    globalSetup: ['tests/integration/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 240_000,
    teardownTimeout: 180_000,
  },
});
