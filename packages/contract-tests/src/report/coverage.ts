/** Coverage: which documented operations have at least one checked response, per API. */
import type { ApiAlias, OperationInfo } from '../types.js';
import type { CheckEntry } from './model.js';

/** Coverage of one API. */
export interface CoverageRow {
  /** Registry alias (`m365@v3`). */
  api: ApiAlias;
  /** Documented operations. */
  operations: number;
  /** Operation ids with at least one checked response (valid or not). */
  covered: string[];
  /** Operation ids without any. */
  missing: string[];
}

/** Computes coverage for `apis` from the checked entries. */
export function computeCoverage(apis: readonly ApiAlias[], operations: (api: ApiAlias) => OperationInfo[], entries: readonly CheckEntry[]): CoverageRow[] {
  return apis.map((api) => {
    const ops = operations(api);
    const seen = new Set(entries.filter((e) => e.api === api && e.operationId).map((e) => e.operationId!));
    const covered = ops.filter((o) => seen.has(o.operationId)).map((o) => o.operationId);
    const missing = ops.filter((o) => !seen.has(o.operationId)).map((o) => o.operationId);
    return { api, operations: ops.length, covered, missing };
  });
}

/** Renders coverage as a Markdown table (readable in a terminal and in CI job summaries). */
export function formatCoverageTable(rows: readonly CoverageRow[]): string {
  const lines = [
    '| API | operations | with recordings | without | coverage |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const pct = r.operations === 0 ? '-' : `${Math.round((r.covered.length / r.operations) * 100)}%`;
      return `| ${r.api} | ${r.operations} | ${r.covered.length} | ${r.missing.length} | ${pct} |`;
    }),
  ];
  for (const r of rows) {
    if (r.missing.length > 0) lines.push('', `${r.api} without recordings: ${r.missing.join(', ')}`);
  }
  return lines.join('\n');
}
