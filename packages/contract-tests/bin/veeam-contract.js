#!/usr/bin/env node
// The `veeam-contract` bin: a committed shim, so package managers can link it before the first build;
// the CLI itself is compiled to dist/ by `pnpm build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('veeam-contract: not built yet (dist/cli/main.js missing); run `pnpm build` first\n');
  process.exit(2);
}
await import(main.href);
