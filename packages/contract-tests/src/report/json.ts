/** Machine-readable report (`--format json`). */
import { summarize, type CheckReport } from './model.js';

/** Formats a report as one JSON document: `{ summary, results, coverage, skipped }`. */
export function formatJson(report: CheckReport): string {
  return JSON.stringify({ summary: summarize(report), results: report.entries, coverage: report.coverage, skipped: report.skipped }, null, 2) + '\n';
}
