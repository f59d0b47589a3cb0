import { defineConfig } from 'vitest/config';

/**
 * The long runs (`npm run test:reliability`): property-based fuzzing of the ingest paths with
 * thousands of cases, against a real Neo4j (the same global setup as the integration tests).
 * Kept out of `npm test`, which runs a small fixed-seed sample of the same properties.
 */
export default defineConfig({
  // As in vitest.config.ts: the API must load the graphql copy Node loads (index.js).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'reliability',
    include: ['tests/reliability/**/*.test.ts'],
    globalSetup: ['tests/integration/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
