// Runs every spec check over one repository and collects their results.
import { SpecError } from '@veeam-rest/contract-tests';
import { collectExamples } from './examples.js';
import type { CheckResult } from './findings.js';
import { loadForChecks } from './load.js';
import { conformanceCheck } from './checks/conformance.js';
import { examplesCheck } from './checks/examples.js';
import { lintCheck } from './checks/lint.js';
import { linksCheck } from './checks/links.js';
import { mutationCheck } from './checks/mutation.js';
import { xsdConsistencyCheck } from './checks/xsd-consistency.js';

/** Names of the checks, in run order. */
export const CHECKS = ['lint', 'examples', 'mutation', 'links', 'xsd-consistency', 'conformance'] as const;
export type CheckName = (typeof CHECKS)[number];

/** Runs the selected checks (default: all) over `rootDir`. Specs that cannot be loaded fail as `load`. */
export async function runChecks(rootDir: string, only: readonly CheckName[] = CHECKS): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  if (only.includes('lint')) results.push(lintCheck(rootDir));
  // conformance reads the spec files itself (it needs each node's own file and pointer), not the bundle.
  const own = only.includes('conformance') ? conformanceCheck(rootDir) : undefined;
  const rest: readonly CheckName[] = only.filter((c) => c !== 'lint' && c !== 'conformance');
  if (rest.length === 0) return own ? [...results, own] : results;
  const loaded = await loadForChecks(rootDir);
  if (loaded.error) {
    results.push({ name: 'load', summary: 'the specs could not be bundled', failures: [loaded.error], notes: [] });
    if (own) results.push(own);
    return results;
  }
  const v = loaded.validator;
  // A schema Ajv cannot compile (unknown format, strict-mode error) is a finding of that check.
  const guarded = async (name: CheckName, f: () => CheckResult | Promise<CheckResult>) => {
    if (!rest.includes(name)) return;
    try {
      results.push(await f());
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      results.push({ name, summary: 'stopped by a spec error', failures: [{ file: e.file, position: e.position, message: e.detail }], notes: [] });
    }
  };
  try {
    const examples = collectExamples(v);
    await guarded('examples', () => examplesCheck(v, examples));
    await guarded('mutation', () => mutationCheck(v, examples));
    await guarded('links', () => linksCheck(v, examples));
    await guarded('xsd-consistency', () => xsdConsistencyCheck(v.indexes.values()));
  } finally {
    await v.close();
  }
  if (own) results.push(own);
  return results;
}
