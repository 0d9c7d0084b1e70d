// Tests use real parts (spec bundling, a JVM, HTTP servers on 127.0.0.1) on a 2-core machine: the
// defaults (5 s) are too tight for a cold JVM under load. Nothing here measures speed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
