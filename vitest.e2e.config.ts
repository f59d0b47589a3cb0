import { defineConfig } from 'vitest/config';

/**
 * The end-to-end browser tests (`npm run test:e2e`): Debian's chromium driven by
 * playwright-core against a Neo4j and an API the tests start themselves. Slow (a Neo4j start,
 * Neo4j Browser's large bundle), so kept out of `npm test`; one file at a time, since each
 * file would start its own Neo4j in the same folder.
 */
export default defineConfig({
  // As in vitest.config.ts: the API must load the graphql copy Node loads (index.js), or
  // `instanceof GraphQLError` fails between graphql-yoga and our resolvers.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    // A cold start fetches Neo4j's jars with mvn and GraphiQL's assets with npm.
    hookTimeout: 600_000,
    teardownTimeout: 180_000,
  },
});
