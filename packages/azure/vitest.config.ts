import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The spec-driven mock bundles the spec at start-up; give slow CI machines room.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
