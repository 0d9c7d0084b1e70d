// Plain-text report of the check results.
import { formatFinding, type CheckResult } from './findings.js';

/** Renders results: one header line per check, then its failures and notes. */
export function renderReport(results: CheckResult[], root: string): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.failures.length === 0 ? 'PASS' : 'FAIL'} ${r.name}: ${r.summary}`);
    for (const f of r.failures) lines.push(`  ✗ ${formatFinding(f, root)}`);
    for (const n of r.notes) lines.push(`  · ${n}`);
  }
  const failed = results.filter((r) => r.failures.length > 0).length;
  lines.push(failed === 0 ? `\nAll ${results.length} spec checks passed.` : `\n${failed} of ${results.length} spec checks failed.`);
  return lines.join('\n');
}
