/** What the `check` command found: one entry per checked response, coverage, and skipped inputs. */
import type { Outcome, ValidationError, ValidationResult } from '../types.js';
import type { CheckItem, SkippedInput } from '../recordings/item.js';
import type { CoverageRow } from './coverage.js';

/** Outcome of one checked response; `no-body` means there was nothing to validate (a failure). */
export type EntryOutcome = Outcome | 'no-body';

/** One checked response: the request side of its {@link CheckItem}, plus what validation found. */
export interface CheckEntry extends Pick<CheckItem, 'source' | 'method' | 'url' | 'status' | 'contentType'> {
  /** The API the response was validated against (absent when no API serves its URL). */
  api?: string;
  ok: boolean;
  outcome: EntryOutcome;
  operationId?: string;
  schema?: string;
  errors: ValidationError[];
}

/** The whole result of a `check` run. */
export interface CheckReport {
  entries: CheckEntry[];
  coverage: CoverageRow[];
  skipped: SkippedInput[];
}

/** Counts for the summary line. */
export interface Summary {
  checked: number;
  valid: number;
  failed: number;
  /** Failures by outcome. */
  byOutcome: Partial<Record<EntryOutcome, number>>;
  skipped: number;
}

/** Joins an item with its validation result (or its problem). */
export function toEntry(item: CheckItem, result: ValidationResult | undefined): CheckEntry {
  const api = result?.api ?? item.api;
  const base = {
    source: item.source,
    ...(api !== undefined ? { api } : {}),
    method: item.method,
    url: item.url,
    status: item.status,
    ...(item.contentType !== undefined ? { contentType: item.contentType } : {}),
  };
  if (!result) {
    return { ...base, ok: false, outcome: 'no-body', errors: [{ path: '/', message: item.problem ?? 'nothing to validate' }] };
  }
  return {
    ...base,
    ok: result.ok,
    outcome: result.outcome,
    ...(result.operationId !== undefined ? { operationId: result.operationId } : {}),
    ...(result.schema !== undefined ? { schema: result.schema } : {}),
    errors: result.errors,
  };
}

/** Summarizes a report. */
export function summarize(report: CheckReport): Summary {
  const byOutcome: Summary['byOutcome'] = {};
  let valid = 0;
  for (const e of report.entries) {
    if (e.ok) valid++;
    else byOutcome[e.outcome] = (byOutcome[e.outcome] ?? 0) + 1;
  }
  return { checked: report.entries.length, valid, failed: report.entries.length - valid, byOutcome, skipped: report.skipped.length };
}
