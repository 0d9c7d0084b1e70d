/** Human-readable report: one block per failure, a summary line, then the coverage table. */
import { formatCoverageTable } from './coverage.js';
import { escapeControls as esc } from './escape.js';
import { summarize, type CheckEntry, type CheckReport } from './model.js';

// Every field is escaped: sources, URLs and content types come from files and HAR entries, messages
// and values from bodies.
function describeFailure(e: CheckEntry): string {
  const head = esc(`FAIL ${e.source}  ${e.operationId ?? '(no operation)'}  [${e.outcome}]  ${e.method} ${e.url} -> ${e.status}${e.contentType ? ` ${e.contentType}` : ''}`);
  const lines = e.errors.map((err) => {
    const extra = [err.expected !== undefined ? `expected ${err.expected}` : '', err.actual !== undefined ? `actual ${err.actual}` : ''].filter(Boolean).join('; ');
    return esc(`  at ${err.path || '/'}: ${err.message}${extra ? ` (${extra})` : ''}`);
  });
  if (lines.length === 0) lines.push('  (no details)');
  return [head, ...lines].join('\n');
}

/** Formats a report for a terminal. */
export function formatText(report: CheckReport, options: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  for (const e of report.entries) {
    if (!e.ok) out.push(describeFailure(e));
    else if (options.verbose) out.push(esc(`ok   ${e.source}  ${e.operationId ?? ''}`));
  }
  const s = summarize(report);
  const parts = Object.entries(s.byOutcome).map(([k, n]) => `${n} ${k}`);
  if (out.length) out.push('');
  out.push(esc(`${s.checked} checked: ${s.valid} valid, ${s.failed} failed${parts.length ? ` (${parts.join(', ')})` : ''}${s.skipped ? `; ${s.skipped} skipped (${[...new Set(report.skipped.map((x) => x.reason.replace(/:.*$/, '').replace(/^recorded for .*/, 'other product')))].join(', ')})` : ''}`));
  if (report.coverage.length) out.push('', formatCoverageTable(report.coverage).split('\n').map(esc).join('\n'));
  return out.join('\n') + '\n';
}
