import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real PostgreSQL server for the whole run (the store contract tests and the webhook fleet use it).
    globalSetup: ['test/helpers/postgres-server.ts'],
    // End-to-end adapter tests start real clients against local fake servers.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
