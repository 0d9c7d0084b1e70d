/** A body that is not valid UTF-8; `offset` is the byte offset of the first invalid sequence. */
export class Utf8Error extends Error {
  constructor(
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`invalid UTF-8 at byte ${offset} (line ${line}, column ${column}); the client reads UTF-8 only`);
  }
}

// Decoding is stateless (no `stream: true`), so one decoder serves every call. A leading BOM is dropped.
const STRICT = new TextDecoder('utf-8', { fatal: true });
const LENIENT = new TextDecoder('utf-8');

/**
 * Decodes a body as UTF-8, refusing invalid bytes instead of turning them into U+FFFD (which would hand
 * the caller silently altered data). Drops a leading byte-order mark (EM sends one).
 * @throws Utf8Error naming the byte offset, line and column of the first invalid sequence
 */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return STRICT.decode(bytes);
  } catch {
    const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const offset = firstInvalid(view);
    // Everything before the offset is valid: its text gives the line and column.
    const before = LENIENT.decode(view.subarray(0, offset)).replace(/^\uFEFF/, '');
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
    throw new Utf8Error(offset, line, before.length - lineStart + 1);
  }
}

/** Byte offset of the first sequence that is not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, max U+10FFFF). */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min = 0xa0;
      else if (c === 0xed) max = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min = 0x90;
      else if (c === 0xf4) max = 0x8f;
    } else return i;
    if (i + need >= b.length) return i; // a sequence cut off by the end of the body
    const second = b[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = b[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return b.length;
}
