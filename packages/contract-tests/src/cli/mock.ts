/** `veeam-contract mock`: runs the spec-driven mock server until interrupted. */
import path from 'node:path';
import { DEFAULT_MOCK_USERS, selectApis, startMockServer } from '../mock/index.js';
import { openSpecSource } from '../spec/source.js';
import { parseArgs, portOption, stringOption } from './args.js';
import { UsageError } from './errors.js';
import { checkScope, type CliIO } from './io.js';

export const MOCK_USAGE = `usage: veeam-contract mock [--product P] [--api P@V]... [--port N] [--host 127.0.0.1] [--token-ttl SECONDS] [--recordings DIR] [--root DIR]
  Serves the specs' examples as a real HTTP server, every API at its base path (/api, /v3, /v8, /api/v2;
  --product / --api: only those): XML or JSON by Accept, EM logon and OAuth token flows, 401 without
  auth; --recordings replays recorded responses for the same request. User: ${DEFAULT_MOCK_USERS[0]!.username} / ${DEFAULT_MOCK_USERS[0]!.password}. Stop with Ctrl+C.`;

/**
 * Runs `mock`; resolves with exit code 0 once `stop` resolves (SIGINT/SIGTERM in the CLI).
 * @param stop resolves when the server should shut down
 */
export async function runMock(argv: readonly string[], io: CliIO, stop: Promise<void>): Promise<number> {
  const args = parseArgs('mock', argv, {
    product: { type: 'string' },
    api: { type: 'string', multiple: true },
    port: { type: 'string' },
    host: { type: 'string' },
    'token-ttl': { type: 'string' },
    recordings: { type: 'string' },
    root: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.options.help) {
    io.stdout.write(MOCK_USAGE + '\n');
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`mock: unexpected argument "${args.positionals[0]}"`);
  const product = stringOption(args, 'mock', 'product');
  const apis = (args.options.api as string[] | undefined) ?? [];
  const ttlRaw = stringOption(args, 'mock', 'token-ttl');
  if (ttlRaw !== undefined && !/^\d+$/.test(ttlRaw)) throw new UsageError(`mock: --token-ttl must be a number of seconds, got "${ttlRaw}"`);
  const root = stringOption(args, 'mock', 'root');
  const recordings = stringOption(args, 'mock', 'recordings');
  // Check --product / --api against the specs first: a mistake is a usage error, not a stack.
  const source = await openSpecSource(root ? { rootDir: path.resolve(io.cwd, root) } : {});
  for (const api of apis.length ? apis : [undefined]) checkScope({ ...(product ? { product } : {}), ...(api ? { api } : {}) }, source.apis, 'mock');
  const selected = selectApis(source.apis, product, apis.length ? apis : undefined).map((a) => a.alias);
  const server = await startMockServer({
    ...(product ? { product } : {}),
    ...(apis.length ? { api: apis } : {}),
    port: portOption(args, 'mock', 'port', 0),
    host: stringOption(args, 'mock', 'host') ?? '127.0.0.1',
    ...(ttlRaw !== undefined ? { tokenTtlSeconds: Number(ttlRaw) } : {}),
    ...(root ? { rootDir: path.resolve(io.cwd, root) } : {}),
    ...(recordings ? { recordingsDir: path.resolve(io.cwd, recordings) } : {}),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') throw new UsageError(`mock: cannot listen (${e.code}): ${e.message}`);
    throw e;
  });
  const user = DEFAULT_MOCK_USERS[0]!;
  io.stdout.write(`mock listening on ${server.origin} (user "${user.username}", password "${user.password}"):\n`);
  for (const alias of selected) io.stdout.write(`  ${alias} ${server.urls[alias]}\n`);
  await stop;
  await server.close();
  return 0;
}
