// The checks run real tools (Redocly, a JVM for the XSD) on a 2-core machine that turbo shares with
// other packages' tests: the 5 s default is a hang guard too tight for that. Nothing here measures speed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
