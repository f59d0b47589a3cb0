import { defineConfig } from 'vitest/config';

/**
 * Tests split by cost: unit tests need nothing; integration tests share one real Neo4j
 * (Community has a single user database), so their files run one after another.
 * The end-to-end browser test has its own config (vitest.e2e.config.ts).
 */
export default defineConfig({
  // graphql 16 ships index.mjs (its `module` field, which Vite picks for our sources) and
  // index.js (`main`, which Node picks for graphql-yoga): two copies break
  // `instanceof GraphQLError`. Tests load the copy Node loads, as `npm start` does.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // A timeout catches a hung test, it does not measure speed: the 1,000-file resolution
          // tests take about 1 s alone and over 10 s on a 2-core machine busy with other work.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
