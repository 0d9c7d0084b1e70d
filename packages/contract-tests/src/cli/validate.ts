/** `veeam-contract validate`: validates one body given on the command line (a file or stdin). */
import path from 'node:path';
import { createValidator } from '../index.js';
import { readFileLimited, readStreamLimited, type LimitedRead } from '../read-limited.js';
import { formatJson } from '../report/json.js';
import { toEntry, type CheckReport } from '../report/model.js';
import { formatText } from '../report/text.js';
import { parseArgs, stringOption } from './args.js';
import { InputError, UsageError } from './errors.js';
import { maxBodyOption, productOption, type CliIO } from './io.js';

export const VALIDATE_USAGE = `usage: veeam-contract validate --product P --request "METHOD URL" --status N [--content-type T] [--format text|json] [--max-body-mb N] [--root DIR] FILE
  FILE "-" reads the body from stdin; reading stops at the body limit (16 MiB, --max-body-mb).
  Exit 0 valid, 1 invalid or not in the spec, 2 usage/input error.
  example: veeam-contract validate --product enterprise-manager --request "GET /api/backupSessions/d46e?format=Entity" --status 200 --content-type application/xml body.xml`;

/** Runs `validate`; returns the exit code. */
export async function runValidate(argv: readonly string[], io: CliIO, signal?: AbortSignal): Promise<number> {
  const args = parseArgs('validate', argv, {
    product: { type: 'string' },
    request: { type: 'string' },
    status: { type: 'string' },
    'content-type': { type: 'string' },
    format: { type: 'string', choices: ['text', 'json'] },
    'max-body-mb': { type: 'string' },
    root: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.options.help) {
    io.stdout.write(VALIDATE_USAGE + '\n');
    return 0;
  }
  const product = productOption(args, 'validate', true);
  const request = stringOption(args, 'validate', 'request', true).trim();
  const m = /^([A-Za-z]+)\s+(\S+)$/.exec(request);
  if (!m) throw new UsageError(`validate: --request must be "METHOD URL", e.g. "GET /api/backupSessions/1", got "${request}"`);
  const statusRaw = stringOption(args, 'validate', 'status', true);
  if (!/^[1-5]\d\d$/.test(statusRaw)) throw new UsageError(`validate: --status must be an HTTP status code 100..599, got "${statusRaw}"`);
  if (args.positionals.length !== 1) {
    throw new UsageError(`validate: expected exactly one FILE (or "-" for stdin), got ${args.positionals.length}`);
  }
  const file = args.positionals[0]!;
  const maxBodyBytes = maxBodyOption(stringOption(args, 'validate', 'max-body-mb'), 'validate');
  const read: LimitedRead = file === '-'
    ? await readStreamLimited(io.stdin, maxBodyBytes)
    : await readFileLimited(path.resolve(io.cwd, file), maxBodyBytes).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(`${file}: cannot read (${e.code ?? e.message})`);
    });
  const contentType = stringOption(args, 'validate', 'content-type');
  const rootDir = stringOption(args, 'validate', 'root');

  const validator = await createValidator({ ...(rootDir ? { rootDir: path.resolve(io.cwd, rootDir) } : {}), maxBodyBytes });
  const abort = () => void validator.abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const input = { product, method: m[1]!.toUpperCase(), url: m[2]!, status: Number(statusRaw), ...(contentType ? { contentType } : {}) };
    const item = { source: file === '-' ? '<stdin>' : file, ...input };
    const result = read.tooLarge ? await validator.validateOversized(input, read.size) : await validator.validate({ ...input, body: read.bytes });
    const entry = toEntry(item, result);
    const report: CheckReport = { entries: [entry], coverage: [], skipped: [] };
    if (stringOption(args, 'validate', 'format') === 'json') io.stdout.write(formatJson(report));
    else io.stdout.write(entry.ok ? `valid: ${entry.operationId}${entry.schema ? ` (${entry.schema})` : ''}\n` : formatText(report));
    return entry.ok ? 0 : 1;
  } finally {
    signal?.removeEventListener('abort', abort);
    if (signal?.aborted) await validator.abort();
    else await validator.close();
  }
}
