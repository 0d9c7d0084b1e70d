// `pnpm spec:diff [--base REF] [--api ALIAS]... [--format text|json] [--root DIR]`
// Exit codes: 0 no breaking change without a major changeset, 1 some, 2 usage or setup problem.
import { parseArgs } from 'node:util';
import { SpecDiffError } from './errors.js';
import { repoRoot } from './git.js';
import { specDiff } from './index.js';
import { jsonReport, textReport } from './report.js';

export const USAGE = `usage: pnpm spec:diff [--base REF] [--api ALIAS]... [--format text|json] [--root DIR]

Compares each API's bundled spec at REF (default: the merge-base of HEAD and main) with the working
tree, classifies every change for users of the generated clients and of the contract checks, and
fails (exit 1) when a breaking change has no pending major changeset for its package:
@veeam-rest/<product> for clients, @veeam-rest/contract-tests for contract checks.
  --base REF      commit, branch or tag to compare with
  --api ALIAS     only this API (m365@v3) or product (m365); repeatable
  --format F      text (default) or json
  --root DIR      repository root (default: the git work tree of the current directory)`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        api: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    err.write(`spec:diff: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(USAGE + '\n');
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    err.write(`spec:diff: --format must be text or json, got "${values.format}"\n`);
    return 2;
  }
  try {
    const root = repoRoot(values.root ?? process.cwd());
    const result = await specDiff({ root, ...(values.base !== undefined ? { base: values.base } : {}), ...(values.api ? { only: values.api } : {}) });
    out.write((values.format === 'json' ? jsonReport(result) : textReport(result)) + '\n');
    return result.missing.length === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof SpecDiffError) {
      err.write(`spec:diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
