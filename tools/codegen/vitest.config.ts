import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The CLI tests spawn the real tool (module loading takes seconds on a busy 2-core machine).
// The registry reader is used from its sources, as the bin does (tsconfig.json paths): nothing to build first.
export default defineConfig({
  resolve: { alias: { '@veeam-rest/spec-registry': fileURLToPath(new URL('../../packages/spec-registry/src/index.ts', import.meta.url)) } },
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
