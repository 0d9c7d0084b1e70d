// `pnpm docs:serve`: serves packages/docs/dist on http://127.0.0.1:<port>/ for a person to read.
// Usage: tsx src/cli/serve.ts [--port <n>] [--dir <dist>]   (port also from PORT; default 8080)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultOutDir } from '../paths.js';
import { startStaticServer } from '../static-server.js';

function fail(message: string): never {
  console.error(`docs:serve: ${message}`);
  process.exit(1);
}

let values: { port?: string | undefined; dir?: string | undefined };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string' }, dir: { type: 'string' } } }));
} catch (e) {
  fail((e as Error).message);
}
const rawPort = values.port ?? process.env.PORT ?? '8080';
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535) fail(`--port/PORT: expected a port number 0-65535, got "${rawPort}"`);
const dir = path.resolve(values.dir ?? defaultOutDir);
if (!existsSync(path.join(dir, 'index.html'))) fail(`${dir}/index.html not found: run \`pnpm docs:build\` first`);

try {
  const { url } = await startStaticServer(dir, port);
  console.log(`serving ${dir} on ${url} (Ctrl+C to stop)`);
} catch (e) {
  fail(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
}
