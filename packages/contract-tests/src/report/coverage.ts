/**
 * Coverage: which documented operations have checked responses, per API, and per operation how many of
 * them are genuine bodies (recordings whose sidecar origin is `published`, `captured` or `recorded`).
 */
import path from 'node:path';
import type { RecordingOrigin } from '../recordings/sidecar.js';
import type { ApiAlias, OperationInfo } from '../types.js';
import type { CheckEntry } from './model.js';

/** Origins that count as genuine bodies in coverage (a `seed` copies a spec example's seed page). */
export const GENUINE_ORIGINS: readonly RecordingOrigin[] = ['published', 'captured', 'recorded'];

/** Coverage of one documented operation. */
export interface OperationCoverage {
  operationId: string;
  /** Checked responses of this operation (recordings of any origin, HAR entries). */
  bodies: number;
  /** Recordings with origin published, captured or recorded. */
  genuine: number;
  /** Recordings with origin seed. */
  seed: number;
  /** Status and variant of the genuine bodies (`200-entity`, `401`), sorted, each once (an XML/JSON twin counts once here). */
  variants: string[];
}

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
  /** Every documented operation in spec order, with its counts. */
  byOperation: OperationCoverage[];
}

/** `200-entity` of `.../getJob/200-entity.xml`; the status of a HAR entry. */
export function variantOf(entry: Pick<CheckEntry, 'source' | 'status'>): string {
  const base = path.basename(entry.source);
  const m = /^([1-5]\d\d(?:-[^.]+)?)\.(?:json|xml)$/i.exec(base);
  return m ? m[1]! : String(entry.status);
}

/** Computes coverage for `apis` from the checked entries. */
export function computeCoverage(apis: readonly ApiAlias[], operations: (api: ApiAlias) => OperationInfo[], entries: readonly CheckEntry[]): CoverageRow[] {
  return apis.map((api) => {
    const ops = operations(api);
    const byOperation = ops.map((o): OperationCoverage => {
      const mine = entries.filter((e) => e.api === api && e.operationId === o.operationId);
      const genuine = mine.filter((e) => e.origin !== undefined && GENUINE_ORIGINS.includes(e.origin));
      return {
        operationId: o.operationId,
        bodies: mine.length,
        genuine: genuine.length,
        seed: mine.filter((e) => e.origin === 'seed').length,
        variants: [...new Set(genuine.map(variantOf))].sort(),
      };
    });
    const covered = byOperation.filter((o) => o.bodies > 0).map((o) => o.operationId);
    const missing = byOperation.filter((o) => o.bodies === 0).map((o) => o.operationId);
    return { api, operations: ops.length, covered, missing, byOperation };
  });
}

/**
 * Renders coverage as Markdown tables (readable in a terminal and in CI job summaries): one line per
 * API, then per API its operations with their genuine bodies.
 */
export function formatCoverageTable(rows: readonly CoverageRow[]): string {
  const lines = [
    '| API | operations | with recordings | with genuine bodies | without | coverage |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const pct = r.operations === 0 ? '-' : `${Math.round((r.covered.length / r.operations) * 100)}%`;
      const genuine = r.byOperation.filter((o) => o.genuine > 0).length;
      return `| ${r.api} | ${r.operations} | ${r.covered.length} | ${genuine} | ${r.missing.length} | ${pct} |`;
    }),
  ];
  for (const r of rows) {
    lines.push('', `${r.api}: genuine bodies per operation (recordings published, captured or recorded; seed and HAR bodies counted apart)`, '', '| operationId | genuine | variants | seed | other |', '|---|---:|---|---:|---:|');
    for (const o of r.byOperation) lines.push(`| ${o.operationId} | ${o.genuine} | ${o.variants.join(', ') || '-'} | ${o.seed} | ${o.bodies - o.genuine - o.seed} |`);
  }
  for (const r of rows) {
    if (r.missing.length > 0) lines.push('', `${r.api} without recordings: ${r.missing.join(', ')}`);
  }
  return lines.join('\n');
}

/**
 * The coverage table of the package README: every documented operation of every API with its genuine
 * bodies and their variants (`pnpm run coverage:readme` writes it between the coverage markers).
 */
export function formatCoverageReadme(rows: readonly CoverageRow[]): string {
  // Seed recordings (copies of a seed page, also spec examples) are shown apart, as coverage counts only the others.
  const lines = ['| API | operationId | genuine bodies | variants (status-variant) | seed bodies |', '|---|---|---:|---|---:|'];
  for (const r of rows) for (const o of r.byOperation) lines.push(`| ${r.api} | ${o.operationId} | ${o.genuine} | ${o.variants.join(', ') || '-'} | ${o.seed} |`);
  const ops = rows.reduce((n, r) => n + r.operations, 0);
  const withGenuine = rows.reduce((n, r) => n + r.byOperation.filter((o) => o.genuine > 0).length, 0);
  const bodies = rows.reduce((n, r) => n + r.byOperation.reduce((m, o) => m + o.genuine, 0), 0);
  lines.push('', `${bodies} genuine bodies; ${withGenuine} of ${ops} documented operations have at least one.`);
  return lines.join('\n');
}
