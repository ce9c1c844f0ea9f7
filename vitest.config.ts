import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end adapter tests start real clients against local fake servers.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
