/** What the `check` command found: one entry per checked response, coverage, and skipped inputs. */
import type { Outcome, ValidationError, ValidationResult } from '../types.js';
import type { CheckItem, SkippedInput } from '../recordings/item.js';
import type { CoverageRow } from './coverage.js';

/** Outcome of one checked response; `no-body` means there was nothing to validate (a failure). */
export type EntryOutcome = Outcome | 'no-body';

/** One checked response: the request side of its {@link CheckItem}, plus what validation found. */
export interface CheckEntry extends Pick<CheckItem, 'source' | 'method' | 'url' | 'status' | 'contentType' | 'origin'> {
  /** The API the response was validated against (absent when no API serves its URL). */
  api?: string;
  ok: boolean;
  outcome: EntryOutcome;
  operationId?: string;
  schema?: string;
  errors: ValidationError[];
  /** Additive differences allowed by `--allow additive` (listed, not failing). */
  drift?: ValidationError[];
}

/** The whole result of a `check` run. */
export interface CheckReport {
  entries: CheckEntry[];
  coverage: CoverageRow[];
  skipped: SkippedInput[];
  /**
   * What an XML body that could not be validated (no JDK) does to the run: `fail` (the default) or
   * `skip` (listed, not failing; still never counted as valid).
   */
  xmlWithoutJdk?: 'fail' | 'skip';
}

/** Counts for the summary line. */
export interface Summary {
  checked: number;
  valid: number;
  failed: number;
  /** Failures by outcome. */
  byOutcome: Partial<Record<EntryOutcome, number>>;
  skipped: number;
  /** Valid responses that carry allowed drift (`--allow additive`). */
  withDrift: number;
  /**
   * XML bodies not validated for want of a JDK that did not fail the run (`--xml-without-jdk skip`);
   * they are counted in `failed`'s place here, never as valid.
   */
  skippedNoJdk: number;
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
    ...(item.origin !== undefined ? { origin: item.origin } : {}),
  };
  if (!result) {
    return { ...base, ok: false, outcome: 'no-body', errors: [{ kind: 'no-body', path: '/', message: item.problem ?? 'nothing to validate' }] };
  }
  return {
    ...base,
    ok: result.ok,
    outcome: result.outcome,
    ...(result.operationId !== undefined ? { operationId: result.operationId } : {}),
    ...(result.schema !== undefined ? { schema: result.schema } : {}),
    errors: result.errors,
    ...(result.drift?.length ? { drift: result.drift } : {}),
  };
}

/** Summarizes a report. */
export function summarize(report: CheckReport): Summary {
  const byOutcome: Summary['byOutcome'] = {};
  let valid = 0;
  let withDrift = 0;
  let skippedNoJdk = 0;
  for (const e of report.entries) {
    if (e.ok) {
      valid++;
      if (e.drift?.length) withDrift++;
    } else if (e.outcome === 'skipped-no-jdk' && report.xmlWithoutJdk === 'skip') {
      skippedNoJdk++;
    } else {
      byOutcome[e.outcome] = (byOutcome[e.outcome] ?? 0) + 1;
    }
  }
  return { checked: report.entries.length, valid, failed: report.entries.length - valid - skippedNoJdk, byOutcome, skipped: report.skipped.length, withDrift, skippedNoJdk };
}

/**
 * Whether a run passes: every entry valid, except XML bodies left unvalidated for want of a JDK when
 * the run allows it (`--xml-without-jdk skip`).
 */
export function passed(report: CheckReport): boolean {
  return report.entries.every((e) => e.ok || (e.outcome === 'skipped-no-jdk' && report.xmlWithoutJdk === 'skip'));
}
