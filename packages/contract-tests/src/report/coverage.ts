/** Coverage: which documented operations have at least one checked response, per product. */
import type { OperationInfo, Product } from '../types.js';
import type { CheckEntry } from './model.js';

/** Coverage of one product. */
export interface CoverageRow {
  product: Product;
  /** Documented operations. */
  operations: number;
  /** Operation ids with at least one checked response (valid or not). */
  covered: string[];
  /** Operation ids without any. */
  missing: string[];
}

/** Computes coverage for `products` from the checked entries. */
export function computeCoverage(products: readonly Product[], operations: (p: Product) => OperationInfo[], entries: readonly CheckEntry[]): CoverageRow[] {
  return products.map((product) => {
    const ops = operations(product);
    const seen = new Set(entries.filter((e) => e.product === product && e.operationId).map((e) => e.operationId!));
    const covered = ops.filter((o) => seen.has(o.operationId)).map((o) => o.operationId);
    const missing = ops.filter((o) => !seen.has(o.operationId)).map((o) => o.operationId);
    return { product, operations: ops.length, covered, missing };
  });
}

/** Renders coverage as a Markdown table (readable in a terminal and in CI job summaries). */
export function formatCoverageTable(rows: readonly CoverageRow[]): string {
  const lines = [
    '| product | operations | with recordings | without | coverage |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const pct = r.operations === 0 ? '-' : `${Math.round((r.covered.length / r.operations) * 100)}%`;
      return `| ${r.product} | ${r.operations} | ${r.covered.length} | ${r.missing.length} | ${pct} |`;
    }),
  ];
  for (const r of rows) {
    if (r.missing.length > 0) lines.push('', `${r.product} without recordings: ${r.missing.join(', ')}`);
  }
  return lines.join('\n');
}
