import { defineConfig } from 'vitest/config';

// The CLI tests spawn the real tool (module loading takes seconds on a busy 2-core machine).
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
