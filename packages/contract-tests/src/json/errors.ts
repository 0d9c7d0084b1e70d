// Ajv errors -> ValidationError: JSON pointer of the offending value, what was expected, what was found.
import type { ErrorObject } from 'ajv';
import type { ErrorKind, ValidationError } from '../types.js';
import { getByPointer, escapePointer } from '../spec/index.js';

/**
 * Shortened JSON rendering of a value for `actual`: the same text as `JSON.stringify` cut at `max`
 * characters, built iteratively and only as far as needed, so a deep or huge value costs neither
 * stack nor time (a body may nest up to the parser's limit and be megabytes long).
 */
export function show(value: unknown, max = 80): string {
  let out = '';
  type Frame = { items: readonly unknown[]; keys?: undefined; i: number } | { items: Record<string, unknown>; keys: string[]; i: number };
  const stack: Frame[] = [];
  let next: { value: unknown } | undefined = { value };
  while (out.length <= max) {
    if (next) {
      const v = next.value;
      next = undefined;
      if (Array.isArray(v)) {
        out += '[';
        stack.push({ items: v, i: 0 });
      } else if (v !== null && typeof v === 'object') {
        out += '{';
        stack.push({ items: v as Record<string, unknown>, keys: Object.keys(v), i: 0 });
      } else {
        out += scalar(v, max);
      }
      continue;
    }
    const top = stack.at(-1);
    if (!top) break;
    if (top.keys === undefined) {
      if (top.i >= top.items.length) { out += ']'; stack.pop(); continue; }
      if (top.i > 0) out += ',';
      next = { value: top.items[top.i++] };
    } else {
      if (top.i >= top.keys.length) { out += '}'; stack.pop(); continue; }
      if (top.i > 0) out += ',';
      const k = top.keys[top.i++]!;
      out += `${JSON.stringify(k.length > max ? k.slice(0, max) : k)}:`;
      next = { value: top.items[k] };
    }
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** A primitive as JSON (long strings are cut before escaping: only the start is shown). */
function scalar(v: unknown, max: number): string {
  if (typeof v === 'string') return JSON.stringify(v.length > max ? v.slice(0, max) : v);
  if (v === undefined) return 'undefined';
  return JSON.stringify(v) ?? String(v);
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
        err = { kind: 'required', path: `${at}/${escapePointer(p.missingProperty)}`, message: `required property "${p.missingProperty}" is missing`, expected: 'present', actual: 'absent' };
        break;
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        // A member the closed object does not declare: new in the wire, additive.
        const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
        err = { kind: 'additional', additive: true, path: `${at}/${escapePointer(extra)}`, message: `property "${extra}" is not allowed (closed object)`, expected: 'no additional properties', actual: show(getByPointer(actualValue, `/${escapePointer(extra)}`)) };
        break;
      }
      case 'enum': {
        // A string outside a set of strings is a new value (additive); anything else is a type change.
        const allowed = p.allowedValues as unknown[];
        const additive = typeof actualValue === 'string' && allowed.some((v) => typeof v === 'string');
        err = { kind: 'enum', ...(additive ? { additive } : {}), path: at || '/', message: 'value is not one of the allowed values', expected: allowed.map((v) => show(v)).join(' | '), actual: show(actualValue) };
        break;
      }
      case 'type':
        err = { kind: 'type', path: at || '/', message: `must be ${p.type}`, expected: String(p.type), actual: `${jsonType(actualValue)} ${show(actualValue)}` };
        break;
      case 'format':
        err = { kind: 'format', path: at || '/', message: `must match format "${p.format}"`, expected: `format ${p.format}`, actual: show(actualValue) };
        break;
      default:
        err = { kind: keywordKind(e.keyword), path: at || '/', message: e.message ?? e.keyword, expected: `${e.keyword} ${show(p)}`, actual: show(actualValue) };
    }
    const key = `${err.path}|${err.message}`;
    if (!seen.has(key)) { seen.add(key); out.push(err); }
  }
  return out;
}

/** JSON Schema keywords by the kind of difference they report. */
const KEYWORD_KINDS: Record<string, ErrorKind> = {
  const: 'const',
  pattern: 'pattern',
  minimum: 'range', maximum: 'range', exclusiveMinimum: 'range', exclusiveMaximum: 'range', multipleOf: 'range',
  minLength: 'length', maxLength: 'length',
  minItems: 'items', maxItems: 'items', uniqueItems: 'items', items: 'items', prefixItems: 'items', contains: 'items', minContains: 'items', maxContains: 'items', unevaluatedItems: 'items',
  oneOf: 'one-of', anyOf: 'one-of',
  dependentRequired: 'required', minProperties: 'required', maxProperties: 'additional',
};

/** The kind of an Ajv keyword without its own case above. */
export function keywordKind(keyword: string): ErrorKind {
  return KEYWORD_KINDS[keyword] ?? 'other';
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
