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
import type { ApiAlias, ContractValidator, ResponseInput, ValidationResult } from '../types.js';
import type { Validator } from '../validate.js';
import { parseArgs, stringOption } from './args.js';
import { InputError, UsageError } from './errors.js';
import { checkScope, readScope, type CliIO } from './io.js';

export const CHECK_USAGE = `usage: veeam-contract check [paths...] [--product P] [--api P@V] [--format text|json|junit] [--junit-file F] [--max-body-mb N] [--verbose] [--root DIR]
  Validates recordings (<product>/[<version>/]<operationId>/<status>[-variant].(json|xml) + .meta.json
  sidecars) and .har files, each against the API its URL (and folder) names. Default path: the bundled
  recordings; default specs: the shipped ones (--root DIR: a checkout's). Exit 0 all valid, 1 some
  invalid, 2 usage/input error.`;

/**
 * Validates everything; one validateMany call, or (only when a progress bar is shown) consecutive
 * slices of it: the validator keeps its JVM between calls, so slices still cost one JVM start.
 */
async function validateAll(validator: ContractValidator, inputs: ResponseInput[], progress: ProgressBar): Promise<ValidationResult[]> {
  if (!progress.enabled) return validator.validateMany(inputs);
  const slice = Math.max(25, Math.ceil(inputs.length / 40));
  const out: ValidationResult[] = [];
  progress.update(0);
  for (let i = 0; i < inputs.length; i += slice) {
    out.push(...(await validator.validateMany(inputs.slice(i, i + slice))));
    progress.update(out.length);
  }
  return out;
}

/** Runs `check`; returns the exit code. */
export async function runCheck(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs('check', argv, {
    product: { type: 'string' },
    api: { type: 'string' },
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
  const scope = readScope(args, 'check');
  const format = stringOption(args, 'check', 'format') ?? 'text';
  const junitFile = stringOption(args, 'check', 'junit-file');
  const rootDir = stringOption(args, 'check', 'root');
  const maxMb = stringOption(args, 'check', 'max-body-mb');
  if (maxMb !== undefined && !/^[1-9]\d{0,4}$/.test(maxMb)) throw new UsageError(`check: --max-body-mb must be a whole number of MiB (1..99999), got "${maxMb}"`);
  const paths = args.positionals.length ? args.positionals : [bundledRecordingsDir];

  const validator = await createValidator({
    ...(rootDir ? { rootDir: path.resolve(io.cwd, rootDir) } : {}),
    ...(maxMb ? { maxBodyBytes: Number(maxMb) * 1024 * 1024 } : {}),
  });
  try {
    checkScope(scope, validator.apis, 'check');
    const route = (r: Pick<ResponseInput, 'product' | 'api' | 'method' | 'url'>) => {
      const routed = validator.route(r);
      return 'api' in routed ? routed.api : undefined;
    };
    const { items, skipped } = await loadInputs(paths, { cwd: io.cwd, apis: validator.apis, route, ...scope });
    if (items.length === 0) {
      const why = skipped.length ? ` (${skipped.length} skipped: ${skipped[0]!.reason}${skipped.length > 1 ? ', ...' : ''})` : '';
      throw new InputError(`nothing to check under ${paths.join(', ')}: no recordings or HAR entries found${why}`);
    }
    const withBody = items.filter((i) => i.body !== undefined);
    const progress = new ProgressBar(io.stderr as ProgressStream, withBody.length, 'validating');
    try {
      const validated = await validateAll(validator, withBody.map(toResponseInput), progress);
      const byItem = new Map<CheckItem, ValidationResult>(withBody.map((item, k) => [item, validated[k]!]));
      const results = items.map((i) => byItem.get(i));
      progress.done(); // clear the bar before the report: both may share one terminal
      const entries = items.map((item, k) => toEntry(item, results[k]));
      const apis = coverageApis(validator, scope, entries.map((e) => e.api));
      for (const a of apis) await validator.load(a); // specs load lazily; body-less items may not have
      const report: CheckReport = { entries, coverage: computeCoverage(apis, (a) => validator.operations(a), entries), skipped };

      const rendered = format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report) : formatText(report, { verbose: args.options.verbose === true });
      io.stdout.write(rendered);
      if (junitFile) {
        const target = path.resolve(io.cwd, junitFile);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, formatJunit(report));
      }
      return entries.every((e) => e.ok) ? 0 : 1;
    } finally {
      progress.done();
    }
  } finally {
    await validator.close();
  }
}

/** The APIs coverage is reported for, in registry order: `--api`, every version of `--product`, else those checked. */
function coverageApis(validator: Validator, scope: { product?: string; api?: string }, checked: readonly (ApiAlias | undefined)[]): ApiAlias[] {
  if (scope.api !== undefined) return [scope.api];
  if (scope.product !== undefined) return [...validator.versionsOf(scope.product)];
  const seen = new Set(checked.filter((a): a is ApiAlias => a !== undefined));
  return validator.apis.map((a) => a.alias).filter((a) => seen.has(a));
}
