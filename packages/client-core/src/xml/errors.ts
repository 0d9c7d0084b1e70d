/** Why an XML body could not be decoded. */
export type XmlDecodeErrorCode =
  | 'malformed'
  | 'truncated'
  | 'doctype'
  | 'entity'
  | 'too-large'
  | 'too-deep'
  | 'too-many-attributes'
  | 'start-tag-too-long'
  | 'unsupported-encoding'
  | 'invalid-character'
  | 'timeout'
  | 'wrong-namespace'
  | 'unexpected-root'
  | 'unexpected-element'
  | 'unexpected-attribute'
  | 'unexpected-text'
  | 'duplicate'
  | 'missing-value'
  | 'invalid-value';

/**
 * An XML body that does not decode: malformed, hostile (DOCTYPE/entities, a start tag past
 * maxAttributes or maxStartTagLength), too large, not UTF-8 (`unsupported-encoding` declaration,
 * `invalid-character` such as NUL), not matching the mapping, or still decoding at its deadline
 * (`timeout`). `line`/`column` are 1-based positions in the body (after a stripped BOM).
 */
export class XmlDecodeError extends Error {
  override name = 'XmlDecodeError';
  /**
   * @param code machine-readable reason
   * @param line 1-based line of the offending construct (0 when the whole document is concerned)
   * @param column 1-based column
   * @param detail what was found and what was expected
   */
  constructor(
    readonly code: XmlDecodeErrorCode,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `XML ${line}:${column}: ${detail}` : `XML: ${detail}`);
  }
}

/** 1-based line and column of a character offset. Computed only when an error is reported. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Throws an XmlDecodeError at an offset of `text`. */
export function failAt(text: string, offset: number, code: XmlDecodeErrorCode, detail: string): never {
  const { line, column } = position(text, offset);
  throw new XmlDecodeError(code, line, column, detail);
}
