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
import { toEntry, type CheckReport } from '../report/model.js';
import { ProgressBar, type ProgressStream } from '../report/progress.js';
import { formatText } from '../report/text.js';
import type { Product, ResponseInput, ValidationResult } from '../types.js';
import type { Validator } from '../validate.js';
import { parseArgs, stringOption } from './args.js';
import { InputError, Interrupted, type StopSignal } from './errors.js';
import { maxBodyOption, productOption, type CliIO } from './io.js';

export const CHECK_USAGE = `usage: veeam-contract check [paths...] [--product P] [--format text|json|junit] [--junit-file F] [--max-body-mb N] [--verbose] [--root DIR]
  Validates recordings (<product>/<operationId>/<status>[-variant].(json|xml) + .meta.json sidecars)
  and .har files. Default path: the bundled recordings. Exit 0 all valid, 1 some invalid, 2 usage/input error.`;

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
  const args = parseArgs('check', argv, {
    product: { type: 'string' },
    format: { type: 'string', choices: ['text', 'json', 'junit'] },
    'junit-file': { type: 'string' },
    'max-body-mb': { type: 'string' },
    verbose: { type: 'boolean' },
    root: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.options.help) {
    io.stdout.write(CHECK_USAGE + '\n');
    return 0;
  }
  const product = productOption(args, 'check');
  const format = stringOption(args, 'check', 'format') ?? 'text';
  const junitFile = stringOption(args, 'check', 'junit-file');
  const rootDir = stringOption(args, 'check', 'root');
  const maxBodyBytes = maxBodyOption(stringOption(args, 'check', 'max-body-mb'), 'check');
  const paths = args.positionals.length ? args.positionals : [bundledRecordingsDir];

  const { items, skipped } = await loadInputs(paths, { cwd: io.cwd, maxBodyBytes, ...(product ? { product } : {}), ...(signal ? { signal } : {}) });
  if (items.length === 0) {
    const why = skipped.length ? ` (${skipped.length} skipped: ${skipped[0]!.reason}${skipped.length > 1 ? ', ...' : ''})` : '';
    throw new InputError(`nothing to check under ${paths.join(', ')}: no recordings or HAR entries found${why}`);
  }

  const withBody = items.filter((i) => i.body !== undefined);
  const progress = new ProgressBar(io.stderr as ProgressStream, withBody.length, 'validating');
  const validator = await createValidator({ ...(rootDir ? { rootDir: path.resolve(io.cwd, rootDir) } : {}), maxBodyBytes });
  // Ctrl+C / SIGTERM: end the JVM at once (the run's result is dropped; run() reports the signal).
  const abort = () => void validator.abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const validated = await validateAll(validator, withBody.map(toResponseInput), progress, signal);
    const byItem = new Map<CheckItem, ValidationResult>(withBody.map((item, k) => [item, validated[k]!]));
    for (const item of items) {
      if (item.tooLarge) byItem.set(item, await validator.validateOversized(toResponseInput(item), item.tooLarge.size));
    }
    const results = items.map((i) => byItem.get(i));
    progress.done(); // clear the bar before the report: both may share one terminal
    const entries = items.map((item, k) => toEntry(item, results[k]));
    const products = product ? [product] : ([...new Set(items.map((i) => i.product))] as Product[]);
    for (const p of products) await validator.load(p); // specs load lazily; body-less items may not have
    const report: CheckReport = { entries, coverage: computeCoverage(products.sort(), (p) => validator.operations(p), entries), skipped };

    const rendered = format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report) : formatText(report, { verbose: args.options.verbose === true });
    io.stdout.write(rendered);
    if (junitFile) {
      const target = path.resolve(io.cwd, junitFile);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, formatJunit(report));
    }
    return entries.every((e) => e.ok) ? 0 : 1;
  } finally {
    signal?.removeEventListener('abort', abort);
    progress.done();
    if (signal?.aborted) await validator.abort();
    else await validator.close();
  }
}
