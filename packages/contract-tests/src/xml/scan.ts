// One linear, non-recursive pass over an XML body before any parser sees it: characters XML 1.0
// forbids, DTD declarations (outside comments and CDATA, where they are only text), the nesting depth
// and the root start tag. Well-formedness proper is left to fast-xml-parser afterwards; on text that
// is not XML this pass just stops early and lets that check report.

/** Deepest element nesting an XML body may have (EM bodies nest about 10 levels). */
export const MAX_XML_DEPTH = 1000;

/** Longest root start tag read (EM's carry a namespace and a few attributes: well under 1 KiB). */
export const MAX_ROOT_TAG_CHARS = 64 * 1024;

/** A problem found by {@link scanXml}: where (character offset) and what. */
export interface ScanProblem {
  offset: number;
  message: string;
  expected: string;
  actual: string;
}

/** Where the root element's start tag is. */
export interface RootTag {
  /** Offset of its `<`. */
  start: number;
  /** The tag's text, `<` to `>`. */
  text: string;
}

/** Outcome of {@link scanXml}. */
export type ScanResult = { problem: ScanProblem; root?: undefined } | { problem?: undefined; root?: RootTag };

// Tab, LF and CR are the only C0 controls XML 1.0 allows; U+FFFE/U+FFFF and lone surrogates are not
// characters at all. (A strict UTF-8 decode never yields lone surrogates; string bodies may.)
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DECLARATION = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/** Scans XML text; returns the first problem, else the root start tag (absent: none found). */
export function scanXml(text: string): ScanResult {
  const bad = FORBIDDEN_CHAR.exec(text);
  if (bad) {
    const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { problem: { offset: bad.index, message: `character ${code} is not allowed in XML 1.0`, expected: 'XML 1.0 characters (of the C0 controls only tab, LF and CR)', actual: code } };
  }
  let depth = 0;
  let root: RootTag | undefined;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) { i = after(text, '-->', lt + 4); if (i < 0) break; continue; }
      if (text.startsWith('<![CDATA[', lt)) { i = after(text, ']]>', lt + 9); if (i < 0) break; continue; }
      const decl = DECLARATION.exec(text.slice(lt, lt + 16));
      if (decl) {
        return {
          problem: {
            offset: lt,
            message: `XML ${decl[1]!.toUpperCase()} declarations are refused (DTDs and entities are never processed: XXE / entity expansion)`,
            expected: 'a document without DTD',
            actual: `<!${decl[1]}`,
          },
        };
      }
      i = lt + 2; // not a declaration we know: well-formedness reports it
      continue;
    }
    if (next === 63 /* ? */) { i = after(text, '?>', lt + 2); if (i < 0) break; continue; }
    if (next === 47 /* / */) { depth--; i = lt + 2; continue; }
    const end = tagEnd(text, lt + 1, root ? Infinity : lt + MAX_ROOT_TAG_CHARS);
    if (end === -2) {
      return { problem: { offset: lt, message: `the root start tag does not end within the limit of ${MAX_ROOT_TAG_CHARS} characters`, expected: `a root start tag of at most ${MAX_ROOT_TAG_CHARS} characters`, actual: `no ">" within ${MAX_ROOT_TAG_CHARS} characters` } };
    }
    if (end < 0) break; // unclosed tag: well-formedness reports it
    root ??= { start: lt, text: text.slice(lt, end + 1) };
    if (text.charCodeAt(end - 1) !== 47 /* / */ && ++depth > MAX_XML_DEPTH) {
      return { problem: { offset: lt, message: `XML nests deeper than the limit of ${MAX_XML_DEPTH} elements`, expected: `at most ${MAX_XML_DEPTH} levels of nesting`, actual: `level ${MAX_XML_DEPTH + 1} opens here` } };
    }
    i = end + 1;
  }
  return root ? { root } : {};
}

/** Offset just after the next `close` at or after `from`, or -1. */
function after(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

/**
 * Offset of the `>` that ends the tag whose name starts at `from` (quoted attribute values may hold
 * `>`); -1 when there is none, -2 when it lies beyond `limit`.
 */
function tagEnd(text: string, from: number, limit: number): number {
  let quote = 0;
  for (let j = from; j < text.length; j++) {
    if (j >= limit) return -2;
    const c = text.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      quote = c;
    } else if (c === 62 /* > */) {
      return j;
    }
  }
  return -1;
}
