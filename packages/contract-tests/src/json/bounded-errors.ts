// Bounded error collection for ajv's allErrors validators. ajv 8 merges the errors of a `$ref`'d schema
// with `vErrors.concat(ref.errors)`: every failing Link of an EM body copies all errors found so far, so
// 16,000 empty Links (48 KB) took 17.5 s. The rewrite below (applied through ajv's documented
// `code.process` hook) appends in place instead, and keeps only the first MAX_RAW_ERRORS error objects:
// later slots hold the number 0, so the error COUNT stays exact (ajv's oneOf/anyOf/not bookkeeping
// compares and truncates by count) while memory and time stay linear in the body.
//
// Why the prefix stays exact: ajv only ever appends errors or truncates back to an earlier count
// (a passing oneOf branch discards its errors). A callee's array is appended at an offset >= 0, so a
// placeholder never lands below MAX_RAW_ERRORS, and a truncation keeps a prefix. The first
// MAX_RAW_ERRORS entries are therefore the very errors unbounded ajv reports first, in its order.

/** Error objects kept per validation; further errors are only counted. */
export const MAX_RAW_ERRORS = 1000;

// The two shapes in which ajv 8 (lib/compile/errors.ts addError, vocabularies/core/ref.ts
// addErrorsFrom) grows the error list.
const PUSH = /if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g;
const CONCAT = /vErrors = vErrors === null \? ([\w$.]+)\.errors : vErrors\.concat\(\1\.errors\);errors = vErrors\.length;/g;
const KEEP = `vErrors.length < ${MAX_RAW_ERRORS}`;

/** Thrown when ajv generates error-collection code this module does not recognise (an ajv upgrade). */
export class UnknownAjvCodeError extends Error {
  override name = 'UnknownAjvCodeError';
}

/**
 * Rewrites one compiled validator's source (ajv `code.process`) so that collecting errors is linear
 * and keeps at most {@link MAX_RAW_ERRORS} error objects.
 * @throws UnknownAjvCodeError when error collection appears in a shape not rewritten here
 */
export function boundErrorCollection(code: string): string {
  const out = code
    .replace(PUSH, (_m, err: string) => `if(vErrors === null){vErrors = [${err}];}else {vErrors.push(${KEEP} ? ${err} : 0);}`)
    .replace(CONCAT, (_m, src: string) => `if(vErrors === null){vErrors = ${src}.errors;}else {for(const e$ of ${src}.errors){vErrors.push(${KEEP} ? e$ : 0);}}errors = vErrors.length;`);
  const left = /vErrors\.concat\(|vErrors\.push\((?!vErrors\.length < )/.exec(out);
  if (left) {
    throw new UnknownAjvCodeError(`ajv generated error-collection code that src/json/bounded-errors.ts does not rewrite: ...${out.slice(Math.max(0, left.index - 80), left.index + 80)}...`);
  }
  return out;
}

/** Error objects of a bounded validator's `errors` and how many were counted in all. */
export function splitBounded<T>(errors: readonly (T | 0)[] | null | undefined): { errors: T[]; total: number } {
  if (!errors) return { errors: [], total: 0 };
  // Placeholders only ever sit at MAX_RAW_ERRORS and beyond.
  return { errors: errors.slice(0, MAX_RAW_ERRORS) as T[], total: errors.length };
}
