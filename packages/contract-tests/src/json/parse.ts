// JSON.parse with a line:column for the user when the body is not JSON.
import { lineCol } from '../body.js';
import type { ValidationError } from '../types.js';

/** Parses JSON text; on failure returns a ValidationError at the line:column V8 reports. */
export function parseJson(text: string): { value: unknown; error?: undefined } | { value?: undefined; error: ValidationError } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    // Checked only on failure (JSON.parse rejects blank text too): valid bodies skip the extra pass.
    if (text.trim() === '') return { error: { path: '1:1', message: 'body is empty', expected: 'a JSON document' } };
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? lineCol(text, Number(pos[1])) : lineCol(text, text.length);
    return { error: { path: at, message: `not valid JSON: ${msg}`, expected: 'a JSON document' } };
  }
}
