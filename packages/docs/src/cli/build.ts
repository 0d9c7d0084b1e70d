// `pnpm docs:build`: builds packages/docs/dist from every API in redocly.yaml.
// Usage: tsx src/cli/build.ts [--out <dir>] [--api <alias|product>]... [--root <dir with redocly.yaml>] [--config <file>]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RegistryError } from '@veeam-rest/spec-registry';
import { buildSite } from '../build.js';
import { DocsError } from '../errors.js';
import { defaultOutDir, repoRoot } from '../paths.js';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, api: { type: 'string', multiple: true }, root: { type: 'string' }, config: { type: 'string' } } });
  await buildSite({
    rootDir: values.root ? path.resolve(values.root) : repoRoot,
    ...(values.config ? { configFile: values.config } : {}),
    outDir: values.out ?? defaultOutDir,
    ...(values.api ? { only: values.api } : {}),
    log: (line) => console.log(line),
  });
} catch (e) {
  // A DocsError, a registry problem or a bad flag is the user's to fix: message only. Anything else is our bug: full stack.
  if (!(e instanceof DocsError) && !(e instanceof RegistryError) && !(e instanceof TypeError && 'code' in e)) throw e;
  console.error(`docs:build: ${(e as Error).message}`);
  process.exitCode = 1;
}
