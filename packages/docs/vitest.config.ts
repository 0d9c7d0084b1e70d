import { defineConfig } from 'vitest/config';

// Real Chromium on 2 cores: generous timeouts, no timing assertions anywhere.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
