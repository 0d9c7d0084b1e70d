#!/usr/bin/env node
// Runs the TypeScript sources through tsx: the tool is never built, so there is no stale dist to cache.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// tsx's ESM hooks run in a worker thread, one round trip per module resolved or loaded: Redocly's
// hundreds of ESM files take about twice as long through them. A run that generates (anything but the
// bare whole-repo hand-off to turbo in src/cli.ts) loads Redocly first, so the sources find it cached.
const handsOffToTurbo = !process.argv.slice(2).some((a) => /^--(check|product|config|no-turbo)\b/.test(a));
if (!handsOffToTurbo) await import('@redocly/openapi-core');

// tsconfig.json maps @veeam-rest/spec-registry to its sources, so generating needs nothing built.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli.ts');
