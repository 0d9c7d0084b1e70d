/** `veeam-contract validate`: validates one body given on the command line (a file or stdin). */
import path from 'node:path';
import { createValidator } from '../index.js';
import { readFileLimited, readStreamLimited, type LimitedRead } from '../read-limited.js';
import { formatJson } from '../report/json.js';
import { passed, toEntry, type CheckReport } from '../report/model.js';
import { formatText } from '../report/text.js';
import { formatHelp, formatSummary, parseCommand, stringOption, type CommandDef } from './args.js';
import { ALLOW, allowOption, API, MAX_BODY_MB, PRODUCT, ROOT, XML_WITHOUT_JDK, xmlWithoutJdkOption } from './options.js';
import { InputError, UsageError } from './errors.js';
import { checkScope, maxBodyOption, readScope, type CliIO } from './io.js';

/** The `validate` command, declared once: parsing, `--help` and the usage line come from it. */
export const VALIDATE_COMMAND: CommandDef = {
  name: 'validate',
  positionals: 'FILE',
  description: `Validates one response body. FILE "-" reads it from stdin; reading stops at the body limit
(16 MiB, --max-body-mb). The API is the one whose base path the URL starts with (/v3, /v8, /api/v2,
/api); --product / --api narrow or name it.`,
  options: {
    request: { type: 'string', value: '"METHOD URL"', required: true, help: 'the request, e.g. "GET /api/backupSessions/d46e?format=Entity"' },
    status: { type: 'string', value: 'N', required: true, help: 'the response status code' },
    product: PRODUCT,
    api: API,
    'content-type': { type: 'string', value: 'T', help: 'the response Content-Type (default: from the spec, or sniffed)' },
    format: { type: 'string', choices: ['text', 'json'], help: 'report format on stdout (default text)' },
    'max-body-mb': MAX_BODY_MB,
    allow: ALLOW,
    'xml-without-jdk': XML_WITHOUT_JDK,
    root: ROOT,
  },
  exit: '0 valid (allowed drift included), 1 invalid, not in the spec or XML not validated (no JDK, unless --xml-without-jdk skip), 2 usage/input error, 70 internal error',
  examples: ['veeam-contract validate --request "GET /api/backupSessions/d46e?format=Entity" --status 200 --content-type application/xml body.xml'],
};

export const VALIDATE_USAGE = formatSummary(VALIDATE_COMMAND);

/** Runs `validate`; returns the exit code. */
export async function runValidate(argv: readonly string[], io: CliIO, signal?: AbortSignal): Promise<number> {
  const args = parseCommand(VALIDATE_COMMAND, argv);
  if (!args) {
    io.stdout.write(formatHelp(VALIDATE_COMMAND) + '\n');
    return 0;
  }
  const scope = readScope(args, 'validate');
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

  const xmlWithoutJdk = xmlWithoutJdkOption(args, 'validate');
  const validator = await createValidator({ ...(rootDir ? { rootDir: path.resolve(io.cwd, rootDir) } : {}), maxBodyBytes, allow: allowOption(args, 'validate') });
  const abort = () => void validator.abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    checkScope(scope, validator.apis, 'validate');
    const input = { ...scope, method: m[1]!.toUpperCase(), url: m[2]!, status: Number(statusRaw), ...(contentType ? { contentType } : {}) };
    const item = { source: file === '-' ? '<stdin>' : file, ...input };
    const result = read.tooLarge ? await validator.validateOversized(input, read.size) : await validator.validate({ ...input, body: read.bytes });
    const entry = toEntry(item, result);
    const report: CheckReport = { entries: [entry], coverage: [], skipped: [], xmlWithoutJdk };
    if (stringOption(args, 'validate', 'format') === 'json') io.stdout.write(formatJson(report));
    else if (entry.ok) io.stdout.write(`valid: ${entry.api} ${entry.operationId}${entry.schema ? ` (${entry.schema})` : ''}\n${entry.drift?.length ? formatText(report) : ''}`);
    else io.stdout.write(formatText(report));
    return passed(report) ? 0 : 1;
  } finally {
    signal?.removeEventListener('abort', abort);
    if (signal?.aborted) await validator.abort();
    else await validator.close();
  }
}
