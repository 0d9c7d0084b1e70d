// Ajv errors -> ValidationError: JSON pointer of the offending value, what was expected, what was found.
import type { ErrorObject } from 'ajv';
import type { ValidationError } from '../types.js';
import { getByPointer, escapePointer } from '../spec/index.js';

/** Shortened JSON rendering of a value for `actual`. */
export function show(value: unknown, max = 80): string {
  let s: string;
  try { s = JSON.stringify(value) ?? String(value); } catch { s = String(value); }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Maps Ajv errors of one body; drops the `oneOf`/`anyOf` summary when member errors explain it. */
export function mapAjvErrors(errors: readonly ErrorObject[], data: unknown): ValidationError[] {
  const out: ValidationError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const at = e.instancePath || '';
    const actualValue = at === '' ? data : getByPointer(data, at);
    let err: ValidationError;
    const p = e.params as Record<string, any>;
    switch (e.keyword) {
      case 'required':
        err = { path: `${at}/${escapePointer(p.missingProperty)}`, message: `required property "${p.missingProperty}" is missing`, expected: 'present', actual: 'absent' };
        break;
      case 'additionalProperties':
        err = { path: `${at}/${escapePointer(p.additionalProperty)}`, message: `property "${p.additionalProperty}" is not allowed (closed object)`, expected: 'no additional properties', actual: show(getByPointer(actualValue, `/${escapePointer(p.additionalProperty)}`)) };
        break;
      case 'enum':
        err = { path: at || '/', message: 'value is not one of the allowed values', expected: (p.allowedValues as unknown[]).map((v) => show(v)).join(' | '), actual: show(actualValue) };
        break;
      case 'type':
        err = { path: at || '/', message: `must be ${p.type}`, expected: String(p.type), actual: `${jsonType(actualValue)} ${show(actualValue)}` };
        break;
      case 'format':
        err = { path: at || '/', message: `must match format "${p.format}"`, expected: `format ${p.format}`, actual: show(actualValue) };
        break;
      default:
        err = { path: at || '/', message: e.message ?? e.keyword, expected: `${e.keyword} ${show(p)}`, actual: show(actualValue) };
    }
    const key = `${err.path}|${err.message}`;
    if (!seen.has(key)) { seen.add(key); out.push(err); }
  }
  return out;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
