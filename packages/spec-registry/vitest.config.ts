import { defineConfig } from 'vitest/config';

// Bundling loads Redocly and the repo's plugin: seconds on a busy 2-core machine. Hang guards only.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } });
