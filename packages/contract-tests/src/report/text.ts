/**
 * Human-readable report: one block per failure, XML bodies left unvalidated (no JDK), allowed drift,
 * a summary line, then the coverage table.
 */
import { formatCoverageTable } from './coverage.js';
import { escapeControls as esc } from './escape.js';
import { summarize, type CheckEntry, type CheckReport } from './model.js';
import type { ValidationError } from '../types.js';

/** One error line: `  [kind] at path: message (expected ...; actual ...)`. */
function describeError(err: ValidationError): string {
  const extra = [err.expected !== undefined ? `expected ${err.expected}` : '', err.actual !== undefined ? `actual ${err.actual}` : ''].filter(Boolean).join('; ');
  return esc(`  [${err.kind}] at ${err.path || '/'}: ${err.message}${extra ? ` (${extra})` : ''}`);
}

function describeEntry(e: CheckEntry): string {
  return `${e.source}  ${e.api ? `${e.api} ` : ''}${e.operationId ?? '(no operation)'}`;
}

// Every field is escaped: sources, URLs and content types come from files and HAR entries, messages
// and values from bodies.
function describeFailure(e: CheckEntry): string {
  const head = esc(`FAIL ${describeEntry(e)}  [${e.outcome}]  ${e.method} ${e.url} -> ${e.status}${e.contentType ? ` ${e.contentType}` : ''}`);
  const lines = e.errors.map(describeError);
  if (lines.length === 0) lines.push('  (no details)');
  if (e.drift?.length) lines.push('  additive differences (allowed, but the body fails for the errors above):', ...e.drift.map((d) => `  ${describeError(d)}`));
  return [head, ...lines].join('\n');
}

/** One line per XML body not validated for want of a JDK. */
function describeNoJdk(e: CheckEntry): string {
  return esc(`SKIP ${describeEntry(e)}: XML not validated, needs a JDK 17+ (java and javac on PATH, or set JAVA_HOME)`);
}

/** Formats a report for a terminal. */
export function formatText(report: CheckReport, options: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  const noJdk = report.entries.filter((e) => e.outcome === 'skipped-no-jdk');
  for (const e of report.entries) {
    if (e.outcome === 'skipped-no-jdk') continue;
    if (!e.ok) out.push(describeFailure(e));
    else if (options.verbose) out.push(esc(`ok   ${e.source}  ${e.operationId ?? ''}`));
  }
  if (noJdk.length) {
    if (out.length) out.push('');
    out.push(...noJdk.map(describeNoJdk));
    const why = noJdk[0]!.errors[0]?.message;
    if (why) out.push(esc(`  (${why.replace(/\s*\n\s*/g, ' ')})`));
  }
  const drifted = report.entries.filter((e) => e.ok && e.drift?.length);
  if (drifted.length) {
    if (out.length) out.push('');
    out.push('Drift (additive differences allowed by --allow additive; these bodies pass):');
    for (const e of drifted) out.push(esc(`DRIFT ${describeEntry(e)}  ${e.method} ${e.url} -> ${e.status}`), ...e.drift!.map(describeError));
  }
  const s = summarize(report);
  const parts = Object.entries(s.byOutcome).map(([k, n]) => `${n} ${k}`);
  if (out.length) out.push('');
  const drift = s.withDrift ? ` (${s.withDrift} with allowed drift)` : '';
  const noJdkPart = s.skippedNoJdk ? `, ${s.skippedNoJdk} XML not validated (no JDK; --xml-without-jdk skip)` : '';
  out.push(esc(`${s.checked} checked: ${s.valid} valid${drift}, ${s.failed} failed${parts.length ? ` (${parts.join(', ')})` : ''}${noJdkPart}${s.skipped ? `; ${s.skipped} skipped (${[...new Set(report.skipped.map((x) => x.reason.replace(/:.*$/, '').replace(/^recorded for .*/, 'other API')))].join(', ')})` : ''}`));
  if (report.coverage.length) out.push('', formatCoverageTable(report.coverage).split('\n').map(esc).join('\n'));
  return out.join('\n') + '\n';
}
