// The Node-side XML pass that runs before any XSD work: refuse DTDs and entity declarations outright
// (XXE, billion laughs: nothing is ever expanded or fetched), characters XML 1.0 forbids and excessive
// nesting (scan.ts), check well-formedness with a line:column, and read the root element's name and
// namespace.
import { XMLValidator } from 'fast-xml-parser';
import { lineCol } from '../body.js';
import type { ValidationError } from '../types.js';
import { scanXml, type RootTag } from './scan.js';

/** Qualified name of the root element. */
export interface RootElement {
  name: string;
  namespace: string;
  /** `line:column` of the start tag. */
  at: string;
}

/** Result of the safety pass: the root element, or errors that make the document unusable. */
export type SafetyResult = { root: RootElement; errors?: undefined } | { root?: undefined; errors: ValidationError[] };

/** Runs the safety and well-formedness pass over decoded XML text. */
export function checkXml(text: string): SafetyResult {
  if (text.trim() === '') return { errors: [{ kind: 'malformed', path: '1:1', message: 'body is empty', expected: 'an XML document' }] };
  const scan = scanXml(text);
  if (scan.problem) {
    const { offset, ...rest } = scan.problem;
    return { errors: [{ kind: 'malformed', path: lineCol(text, offset), ...rest }] };
  }
  const enc = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (enc && !/^utf-?8$/i.test(enc[1]!)) {
    return { errors: [{ kind: 'malformed', path: lineCol(text, enc.index), message: `XML declares encoding "${enc[1]}"; only UTF-8 is supported`, expected: 'encoding="UTF-8"', actual: enc[1]! }] };
  }
  const wf = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (wf !== true) {
    return { errors: [{ kind: 'malformed', path: `${wf.err.line}:${wf.err.col}`, message: `XML is not well-formed: ${wf.err.msg}`, expected: 'well-formed XML' }] };
  }
  const root = scan.root && readRoot(text, scan.root);
  if (!root) return { errors: [{ kind: 'malformed', path: '1:1', message: 'no root element found', expected: 'an XML document' }] };
  return { root };
}

/** Name and namespace of the root start tag the scan found. */
function readRoot(text: string, tag: RootTag): RootElement | undefined {
  const m = /^<([^\s/>:]+)(?::([^\s/>:]+))?/.exec(tag.text);
  if (!m) return undefined;
  const prefix = m[2] ? m[1]! : '';
  const local = m[2] ?? m[1]!;
  const attrs = tag.text.slice(m[0].length);
  const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const re = new RegExp(`(?:^|\\s)${nsAttr.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`, 's');
  const ns = re.exec(attrs)?.[2] ?? '';
  return { name: local, namespace: ns, at: lineCol(text, tag.start) };
}
