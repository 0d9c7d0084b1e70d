/** `veeam-contract record`: records a live server's read operations as redacted recordings. */
import path from 'node:path';
import { recordApi } from '../record/index.js';
import { parseArgs, stringOption } from './args.js';
import { UsageError } from './errors.js';
import { productOption, type CliIO } from './io.js';
import { promptHidden } from './prompt.js';

export const RECORD_USAGE = `usage: veeam-contract record --product P --base-url URL --username U [--out DIR] [--redact-hosts] [--insecure] [--root DIR]
  Password: environment variable VEEAM_PASSWORD, or a prompt on a terminal (never an argument).
  Writes <out>/<product>/<operationId>/<status>[-variant].(json|xml) + .meta.json; default --out: ./recordings.`;

/** Runs `record`; returns the exit code (0 when every response was written, 1 when some were skipped). */
export async function runRecord(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs('record', argv, {
    product: { type: 'string' },
    'base-url': { type: 'string' },
    username: { type: 'string' },
    out: { type: 'string' },
    'redact-hosts': { type: 'boolean' },
    insecure: { type: 'boolean' },
    root: { type: 'string' },
    help: { type: 'boolean' },
    password: { type: 'string' },
  });
  if (args.options.help) {
    io.stdout.write(RECORD_USAGE + '\n');
    return 0;
  }
  if (args.options.password !== undefined) {
    throw new UsageError('record: --password is not accepted (command lines end up in shell history and ps); set VEEAM_PASSWORD or answer the prompt');
  }
  if (args.positionals.length) throw new UsageError(`record: unexpected argument "${args.positionals[0]}"`);
  const product = productOption(args, 'record', true);
  const baseUrl = stringOption(args, 'record', 'base-url', true);
  if (!isHttpUrl(baseUrl)) throw new UsageError(`record: --base-url must be an http(s) URL such as https://em.example.com:9398/api, got "${baseUrl}"`);
  const username = stringOption(args, 'record', 'username', true);
  let password = io.env.VEEAM_PASSWORD;
  if (password === undefined || password === '') {
    if (!io.stdin.isTTY) throw new UsageError('record: no password: set VEEAM_PASSWORD (stdin is not a terminal, so there is no prompt)');
    password = await promptHidden(`Password for ${username}: `, io);
  }
  const root = stringOption(args, 'record', 'root');
  const outDir = path.resolve(io.cwd, stringOption(args, 'record', 'out') ?? 'recordings');
  const summary = await recordApi({
    product,
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
