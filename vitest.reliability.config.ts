import { defineConfig } from 'vitest/config';

/**
 * The reliability tests (`npm run test:reliability`): a Neo4j outage under traffic, and load
 * with hostile requests mixed in. Slow and machine-hungry, so kept out of `npm test`; one
 * file at a time, each with its own throw-away Neo4j and API.
 */
export default defineConfig({
  // As in vitest.config.ts: load the graphql copy Node loads (index.js).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'reliability',
    include: ['tests/reliability/**/*.test.ts'],
    globalSetup: ['tests/integration/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 180_000,
  },
});
