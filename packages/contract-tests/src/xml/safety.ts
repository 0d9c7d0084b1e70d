// The Node-side XML pass that runs before any XSD work: refuse DTDs and entity declarations outright
// (XXE, billion laughs: nothing is ever expanded or fetched), check well-formedness with a line:column,
// and read the root element's name and namespace.
import { XMLValidator } from 'fast-xml-parser';
import { lineCol } from '../body.js';
import type { ValidationError } from '../types.js';

/** Qualified name of the root element. */
export interface RootElement {
  name: string;
  namespace: string;
  /** `line:column` of the start tag. */
  at: string;
}

/** Result of the safety pass: the root element, or errors that make the document unusable. */
export type SafetyResult = { root: RootElement; errors?: undefined } | { root?: undefined; errors: ValidationError[] };

const DECL = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/** Runs the safety and well-formedness pass over decoded XML text. */
export function checkXml(text: string): SafetyResult {
  if (text.trim() === '') return { errors: [{ path: '1:1', message: 'body is empty', expected: 'an XML document' }] };
  const decl = DECL.exec(text);
  if (decl) {
    return {
      errors: [{
        path: lineCol(text, decl.index),
        message: `XML ${decl[1]!.toUpperCase()} declarations are refused (DTDs and entities are never processed: XXE / entity expansion)`,
        expected: 'a document without DTD',
        actual: `<!${decl[1]}`,
      }],
    };
  }
  const enc = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (enc && !/^utf-?8$/i.test(enc[1]!)) {
    return { errors: [{ path: lineCol(text, enc.index), message: `XML declares encoding "${enc[1]}"; only UTF-8 is supported`, expected: 'encoding="UTF-8"', actual: enc[1]! }] };
  }
  const wf = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (wf !== true) {
    return { errors: [{ path: `${wf.err.line}:${wf.err.col}`, message: `XML is not well-formed: ${wf.err.msg}`, expected: 'well-formed XML' }] };
  }
  const root = readRoot(text);
  if (!root) return { errors: [{ path: '1:1', message: 'no root element found', expected: 'an XML document' }] };
  return { root };
}

/** Reads the first start tag after the prolog (XML declaration, comments, processing instructions). */
function readRoot(text: string): RootElement | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) { const e = text.indexOf('?>', i); if (e < 0) return undefined; i = e + 2; continue; }
    if (text.startsWith('<!--', i)) { const e = text.indexOf('-->', i); if (e < 0) return undefined; i = e + 3; continue; }
    break;
  }
  const m = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?([^>]*)>/.exec(text.slice(i, i + 64 * 1024));
  if (!m) return undefined;
  const prefix = m[2] ? m[1]! : '';
  const local = m[2] ?? m[1]!;
  const attrs = m[3] ?? '';
  const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const re = new RegExp(`(?:^|\\s)${nsAttr.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`);
  const ns = re.exec(attrs)?.[2] ?? '';
  return { name: local, namespace: ns, at: lineCol(text, i) };
}
