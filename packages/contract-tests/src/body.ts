// Bytes -> text for both validators: strict UTF-8, one leading BOM allowed.
import type { ValidationError } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decoded body, or why it could not be decoded. */
export type DecodedBody = { text: string; error?: undefined } | { text?: undefined; error: ValidationError };

/** Decodes a body. EM 12 starts JSON bodies with a UTF-8 BOM: it is dropped; invalid UTF-8 is an error. */
export function decodeBody(body: string | Uint8Array, maxBytes: number): DecodedBody {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > maxBytes) return { error: bodyTooLarge(size, maxBytes) };
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = utf8.decode(body);
    } catch {
      const at = firstInvalidUtf8(body);
      return { error: { kind: 'malformed', path: lineColAt(body, at), message: `body is not valid UTF-8 (byte offset ${at})`, expected: 'UTF-8 text', actual: `byte 0x${(body[at] ?? 0).toString(16).padStart(2, '0')}` } };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/**
 * The error for a body above the size limit.
 * @param size its size in bytes; undefined when reading stopped at the limit (stdin)
 */
export function bodyTooLarge(size: number | undefined, maxBytes: number): ValidationError {
  return size === undefined
    ? { kind: 'too-large', path: '/', message: `body is more than the limit of ${maxBytes} bytes (reading stopped there)`, expected: `at most ${maxBytes} bytes`, actual: `more than ${maxBytes} bytes` }
    : { kind: 'too-large', path: '/', message: `body is ${size} bytes, more than the limit of ${maxBytes}`, expected: `at most ${maxBytes} bytes`, actual: `${size} bytes` };
}

/** `line:column` (1-based) of a character offset in text. */
export function lineCol(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  return `${line}:${offset - lineStart + 1}`;
}

function lineColAt(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) { line++; lineStart = i + 1; }
  return `${line}:${offset - lineStart + 1}`;
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding failed). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}
