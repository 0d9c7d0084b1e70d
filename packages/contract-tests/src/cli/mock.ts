/** `veeam-contract mock`: runs the spec-driven mock server until interrupted. */
import path from 'node:path';
import { DEFAULT_MOCK_USERS, selectApis, startMockServer } from '../mock/index.js';
import { openSpecSource } from '../spec/source.js';
import { formatHelp, formatSummary, parseCommand, portOption, stringOption, type CommandDef } from './args.js';
import { API, PRODUCT, ROOT } from './options.js';
import { UsageError } from './errors.js';
import { checkScope, type CliIO } from './io.js';

/** The `mock` command, declared once: parsing, `--help` and the usage line come from it. */
export const MOCK_COMMAND: CommandDef = {
  name: 'mock',
  description: `Serves the specs' examples as a real HTTP server, every API at its base path (/api, /v3, /v8, /api/v2;
--product / --api: only those): XML or JSON by Accept, EM logon and OAuth token flows, 401 without
auth; --recordings replays recorded responses for the same request. User: ${DEFAULT_MOCK_USERS[0]!.username} / ${DEFAULT_MOCK_USERS[0]!.password}. Stop with Ctrl+C.`,
  options: {
    product: PRODUCT,
    api: { ...API, multiple: true, help: 'serve only this API version (repeatable), e.g. m365@v8' },
    port: { type: 'string', value: 'N', help: 'TCP port (default 0: any free port)' },
    host: { type: 'string', value: '127.0.0.1', help: 'address to listen on (default 127.0.0.1)' },
    'token-ttl': { type: 'string', value: 'SECONDS', help: 'lifetime of issued tokens and sessions' },
    recordings: { type: 'string', value: 'DIR', help: 'answer a request equal to a recorded 2xx response with that recording' },
    root: ROOT,
  },
  exit: '0 after Ctrl+C / SIGTERM, 2 usage error, 70 internal error',
};

export const MOCK_USAGE = formatSummary(MOCK_COMMAND);

/**
 * Runs `mock`; resolves with exit code 0 once `stop` resolves (SIGINT/SIGTERM in the CLI).
 * @param stop resolves when the server should shut down
 */
export async function runMock(argv: readonly string[], io: CliIO, stop: Promise<void>): Promise<number> {
  const args = parseCommand(MOCK_COMMAND, argv);
  if (!args) {
    io.stdout.write(formatHelp(MOCK_COMMAND) + '\n');
    return 0;
  }
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
