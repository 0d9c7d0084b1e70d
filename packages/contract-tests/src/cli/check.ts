/**
 * `veeam-contract check [paths...]`: validates recordings and HAR entries in one batch (one JVM for all
 * XML), prints failures and coverage, optionally writes JUnit XML.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createValidator } from '../index.js';
import { toResponseInput, type CheckItem } from '../recordings/item.js';
import { loadInputs } from '../recordings/load.js';
import { bundledRecordingsDir } from '../recordings/paths.js';
import { computeCoverage } from '../report/coverage.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { passed, toEntry, type CheckReport } from '../report/model.js';
import { ProgressBar, type ProgressStream } from '../report/progress.js';
import { formatText } from '../report/text.js';
import type { ApiAlias, ResponseInput, ValidationResult } from '../types.js';
import type { Validator } from '../validate.js';
import { formatHelp, formatSummary, parseCommand, stringOption, type CommandDef } from './args.js';
import { ALLOW, allowOption, API, MAX_BODY_MB, PRODUCT, ROOT, XML_WITHOUT_JDK, xmlWithoutJdkOption } from './options.js';
import { InputError, Interrupted, type StopSignal } from './errors.js';
import { checkScope, maxBodyOption, readScope, type CliIO } from './io.js';

/** The `check` command, declared once: parsing, `--help` and the usage line come from it. */
export const CHECK_COMMAND: CommandDef = {
  name: 'check',
  positionals: '[paths...]',
  description: `Validates recordings (<product>/[<version>/]<operationId>/<status>[-variant].(json|xml) + .meta.json
sidecars) and .har files, each against the API its URL (and folder) names. Default path: the bundled
recordings; default specs: the shipped ones (--root DIR: a checkout's). Prints failures (each error with
its kind), allowed drift, and coverage: genuine bodies per documented operation.`,
  options: {
    product: PRODUCT,
    api: API,
    format: { type: 'string', choices: ['text', 'json', 'junit'], help: 'report format on stdout (default text)' },
    'junit-file': { type: 'string', value: 'F', help: 'also write a JUnit XML report to F' },
    'max-body-mb': MAX_BODY_MB,
    allow: ALLOW,
    'xml-without-jdk': XML_WITHOUT_JDK,
    verbose: { type: 'boolean', help: 'list valid responses too' },
    root: ROOT,
  },
  exit: '0 all valid (allowed drift included), 1 some invalid or XML not validated (no JDK, unless --xml-without-jdk skip), 2 usage/input error, 70 internal error',
  examples: [
    'veeam-contract check recordings/ --format junit --junit-file reports/contract.xml',
    'veeam-contract check recordings/ --allow additive      # gate only on breaking differences',
  ],
};

export const CHECK_USAGE = formatSummary(CHECK_COMMAND);

/** Items validated per call: enough to amortize the call, few enough to notice a signal between calls. */
const SLICE_ITEMS = 200;
/** Body bytes validated per call (at least one body): JSON is validated synchronously. */
const SLICE_BYTES = 16 * 1024 * 1024;

/**
 * Validates everything in consecutive validateMany calls (the validator keeps its JVM between calls,
 * so slices still cost one JVM start), yielding to the event loop between them so that Ctrl+C and
 * SIGTERM are handled promptly even in a long run of JSON bodies.
 * @throws Interrupted once `signal` is aborted
 */
async function validateAll(validator: Validator, inputs: ResponseInput[], progress: ProgressBar, signal?: AbortSignal): Promise<ValidationResult[]> {
  const maxItems = progress.enabled ? Math.min(SLICE_ITEMS, Math.max(25, Math.ceil(inputs.length / 40))) : SLICE_ITEMS;
  const out: ValidationResult[] = [];
  progress.update(0);
  let i = 0;
  while (i < inputs.length) {
    let end = i + 1;
    let bytes = inputs[i]!.body.length;
    while (end < inputs.length && end - i < maxItems && bytes + inputs[end]!.body.length <= SLICE_BYTES) bytes += inputs[end++]!.body.length;
    const slice = await validator.validateMany(inputs.slice(i, end)).catch((e: unknown) => {
      throw signal?.aborted ? new Interrupted(signal.reason as StopSignal) : e;
    });
    for (const r of slice) out.push(r);
    progress.update(out.length);
    i = end;
    if (i < inputs.length) await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new Interrupted(signal.reason as StopSignal);
  }
  return out;
}

/** Runs `check`; returns the exit code. */
export async function runCheck(argv: readonly string[], io: CliIO, signal?: AbortSignal): Promise<number> {
  const args = parseCommand(CHECK_COMMAND, argv);
  if (!args) {
    io.stdout.write(formatHelp(CHECK_COMMAND) + '\n');
    return 0;
  }
  const scope = readScope(args, 'check');
  const format = stringOption(args, 'check', 'format') ?? 'text';
  const junitFile = stringOption(args, 'check', 'junit-file');
  const rootDir = stringOption(args, 'check', 'root');
  const maxBodyBytes = maxBodyOption(stringOption(args, 'check', 'max-body-mb'), 'check');
  const allow = allowOption(args, 'check');
  const xmlWithoutJdk = xmlWithoutJdkOption(args, 'check');
  const paths = args.positionals.length ? args.positionals : [bundledRecordingsDir];

  const validator = await createValidator({ ...(rootDir ? { rootDir: path.resolve(io.cwd, rootDir) } : {}), maxBodyBytes, allow });
  // Ctrl+C / SIGTERM: end the JVM at once (the run's result is dropped; run() reports the signal).
  const abort = () => void validator.abort();
  signal?.addEventListener('abort', abort, { once: true });
  let progress: ProgressBar | undefined;
  try {
    checkScope(scope, validator.apis, 'check');
    const route = (r: Pick<ResponseInput, 'product' | 'api' | 'method' | 'url'>) => {
      const routed = validator.route(r);
      return 'api' in routed ? routed.api : undefined;
    };
    const { items, skipped } = await loadInputs(paths, { cwd: io.cwd, apis: validator.apis, route, ...scope, maxBodyBytes, ...(signal ? { signal } : {}) });
    if (items.length === 0) {
      const why = skipped.length ? ` (${skipped.length} skipped: ${skipped[0]!.reason}${skipped.length > 1 ? ', ...' : ''})` : '';
      throw new InputError(`nothing to check under ${paths.join(', ')}: no recordings or HAR entries found${why}`);
    }
    const withBody = items.filter((i) => i.body !== undefined);
    progress = new ProgressBar(io.stderr as ProgressStream, withBody.length, 'validating');
    const validated = await validateAll(validator, withBody.map(toResponseInput), progress, signal);
    const byItem = new Map<CheckItem, ValidationResult>(withBody.map((item, k) => [item, validated[k]!]));
    for (const item of items) {
      if (item.tooLarge) byItem.set(item, await validator.validateOversized(toResponseInput(item), item.tooLarge.size));
    }
    const results = items.map((i) => byItem.get(i));
    progress.done(); // clear the bar before the report: both may share one terminal
    const entries = items.map((item, k) => toEntry(item, results[k]));
    const apis = coverageApis(validator, scope, entries.map((e) => e.api));
    for (const a of apis) await validator.load(a); // specs load lazily; body-less items may not have
    const report: CheckReport = { entries, coverage: computeCoverage(apis, (a) => validator.operations(a), entries), skipped, xmlWithoutJdk };

    const rendered = format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report) : formatText(report, { verbose: args.options.verbose === true });
    io.stdout.write(rendered);
    if (junitFile) {
      const target = path.resolve(io.cwd, junitFile);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, formatJunit(report));
    }
    return passed(report) ? 0 : 1;
  } finally {
    signal?.removeEventListener('abort', abort);
    progress?.done();
    if (signal?.aborted) await validator.abort();
    else await validator.close();
  }
}

/** The APIs coverage is reported for, in registry order: `--api`, every version of `--product`, else those checked. */
function coverageApis(validator: Validator, scope: { product?: string; api?: string }, checked: readonly (ApiAlias | undefined)[]): ApiAlias[] {
  if (scope.api !== undefined) return [scope.api];
  if (scope.product !== undefined) return [...validator.versionsOf(scope.product)];
  const seen = new Set(checked.filter((a): a is ApiAlias => a !== undefined));
  return validator.apis.map((a) => a.alias).filter((a) => seen.has(a));
}
