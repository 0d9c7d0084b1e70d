/** `veeam-contract record`: records a live server's read operations as redacted recordings. */
import path from 'node:path';
import { recordApi, recordedApi } from '../record/index.js';
import { openSpecSource } from '../spec/source.js';
import { formatHelp, formatSummary, parseCommand, stringOption, type CommandDef } from './args.js';
import { API, PRODUCT, ROOT } from './options.js';
import { UsageError } from './errors.js';
import { checkScope, readScope, type CliIO } from './io.js';
import { promptHidden } from './prompt.js';

/** The `record` command, declared once: parsing, `--help` and the usage line come from it. */
export const RECORD_COMMAND: CommandDef = {
  name: 'record',
  description: `The API is --api, or the one whose base path --base-url has (https://vb365:4443/v8 -> m365@v8), among
--product's versions. Password: environment variable VEEAM_PASSWORD, or a prompt on a terminal (never an
argument). Writes <out>/<product>/<version>/<operationId>/<status>[-variant].(json|xml) + .meta.json;
default --out: ./recordings.`,
  options: {
    'base-url': { type: 'string', value: 'URL', required: true, help: 'the server with its base path, e.g. https://em.corp.local:9398/api' },
    username: { type: 'string', value: 'U', required: true, help: 'user to log on as' },
    product: PRODUCT,
    api: API,
    out: { type: 'string', value: 'DIR', help: 'where recordings are written (default ./recordings)' },
    'redact-hosts': { type: 'boolean', help: 'map each API host to example.com (host2.example.com, ...)' },
    insecure: { type: 'boolean', help: 'accept self-signed certificates' },
    root: ROOT,
  },
  refused: { password: 'command lines end up in shell history and ps; set VEEAM_PASSWORD or answer the prompt' },
  exit: '0 every response written, 1 some skipped, 2 usage/input error or the server refused, 70 internal error',
};

export const RECORD_USAGE = formatSummary(RECORD_COMMAND);

/** Runs `record`; returns the exit code (0 when every response was written, 1 when some were skipped). */
export async function runRecord(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommand(RECORD_COMMAND, argv);
  if (!args) {
    io.stdout.write(formatHelp(RECORD_COMMAND) + '\n');
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`record: unexpected argument "${args.positionals[0]}"`);
  const scope = readScope(args, 'record');
  const baseUrl = stringOption(args, 'record', 'base-url', true);
  if (!isHttpUrl(baseUrl)) throw new UsageError(`record: --base-url must be an http(s) URL such as https://em.example.com:9398/api, got "${baseUrl}"`);
  const username = stringOption(args, 'record', 'username', true);
  const root = stringOption(args, 'record', 'root');
  // Which API: checked before asking for a password.
  const source = await openSpecSource(root ? { rootDir: path.resolve(io.cwd, root) } : {});
  checkScope(scope, source.apis, 'record');
  try {
    recordedApi(source, { ...scope, baseUrl });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let password = io.env.VEEAM_PASSWORD;
  if (password === undefined || password === '') {
    if (!io.stdin.isTTY) throw new UsageError('record: no password: set VEEAM_PASSWORD (stdin is not a terminal, so there is no prompt)');
    password = await promptHidden(`Password for ${username}: `, io);
  }
  const outDir = path.resolve(io.cwd, stringOption(args, 'record', 'out') ?? 'recordings');
  const summary = await recordApi({
    ...scope,
    baseUrl,
    username,
    password,
    outDir,
    redactHosts: args.options['redact-hosts'] === true,
    insecure: args.options.insecure === true,
    ...(root ? { rootDir: path.resolve(io.cwd, root) } : {}),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  for (const s of summary.skipped) io.stderr.write(`skipped ${s.url}: ${s.reason}\n`);
  for (const w of summary.warnings) io.stderr.write(`warning: ${w}\n`);
  io.stdout.write(`wrote ${summary.written.length} recordings under ${outDir}\n`);
  return summary.skipped.length ? 1 : 0;
}

/** True for an absolute http(s) URL with a host that `new URL` accepts. */
function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
