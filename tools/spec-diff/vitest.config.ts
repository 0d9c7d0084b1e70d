import { defineConfig } from 'vitest/config';

// The CLI tests bundle the real specs at two commits of a scratch repo and diff them: seconds each on a
// busy 2-core machine. Nothing here measures speed.
export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
