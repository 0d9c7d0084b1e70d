import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.typecheck.json' },
    // Hang guards, not speed checks: key generation with openssl and real servers on a loaded
    // 2-core machine can take well over the 5 s/10 s defaults.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
