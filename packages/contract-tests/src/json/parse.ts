// JSON.parse with a line:column for the user when the body is not JSON, and the nesting limit.
import { lineCol } from '../body.js';
import type { ValidationError } from '../types.js';
import { DEPTH_CHECK_MIN_CHARS, deeperThan, MAX_JSON_DEPTH, PRESCAN_MIN_CHARS, tooDeepOffset } from './depth.js';

/** Parsed JSON, or why the text is not usable JSON. */
export type ParsedJson = { value: unknown; error?: undefined } | { value?: undefined; error: ValidationError };

/**
 * Parses JSON text; on failure returns a ValidationError at the line:column V8 reports. Text nesting
 * deeper than {@link MAX_JSON_DEPTH} is an error too, at the bracket that opens the level too many.
 */
export function parseJson(text: string): ParsedJson {
  if (text.length >= PRESCAN_MIN_CHARS) {
    const at = tooDeepOffset(text);
    if (at >= 0) return { error: tooDeep(text, at) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Checked only on failure (JSON.parse rejects blank text too): valid bodies skip the extra pass.
    if (text.trim() === '') return { error: { kind: 'malformed', path: '1:1', message: 'body is empty', expected: 'a JSON document' } };
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? lineCol(text, Number(pos[1])) : lineCol(text, text.length);
    return { error: { kind: 'malformed', path: at, message: `not valid JSON: ${msg}`, expected: 'a JSON document' } };
  }
  if (text.length >= DEPTH_CHECK_MIN_CHARS && text.length < PRESCAN_MIN_CHARS && deeperThan(value)) {
    return { error: tooDeep(text, tooDeepOffset(text)) };
  }
  return { value };
}

function tooDeep(text: string, offset: number): ValidationError {
  return {
    kind: 'malformed',
    path: lineCol(text, offset),
    message: `JSON nests deeper than the limit of ${MAX_JSON_DEPTH} arrays/objects`,
    expected: `at most ${MAX_JSON_DEPTH} levels of nesting`,
    actual: `level ${MAX_JSON_DEPTH + 1} opens here`,
  };
}
