import { failAt, XmlDecodeError } from './errors.js';
import type { Checkpoint } from './interrupt.js';

/** One attribute of a parsed element. */
export interface XmlAttr {
  readonly local: string;
  /** Namespace URI, or null for unprefixed attributes. */
  readonly ns: string | null;
  readonly value: string;
  readonly offset: number;
}

/** One element of the parsed tree; text is the concatenation of its direct character data. */
export interface XmlElement {
  readonly local: string;
  readonly ns: string | null;
  readonly attrs: XmlAttr[];
  readonly children: XmlElement[];
  text: string;
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
}

/** Limits of one parse. */
export interface ScanLimits {
  /** Largest accepted body in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest accepted element nesting. */
  readonly maxDepth: number;
  /** Most attributes (namespace declarations included) on one element. */
  readonly maxAttributes: number;
  /** Longest start tag, `<` to `>`, in characters. */
  readonly maxStartTagLength: number;
  /** Polled once per markup construct: throws to stop the parse (deadline, abort). */
  readonly checkpoint?: Checkpoint | undefined;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?$/;
const WS = /^[ \t\r\n]*$/;
// Characters XML 1.0 forbids (§2.2): C0 controls but tab, LF and CR, and U+FFFE/U+FFFF. A NUL would
// otherwise pass straight into the decoded strings.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_DECL = /^<\?xml[ \t\r\n][^>]*?\bencoding[ \t\r\n]*=[ \t\r\n]*(["'])([^"']*)\1/;
// Above this many attributes a start tag checks duplicates through a Set instead of a scan of the list.
const SET_FROM = 8;

/**
 * In-scope prefix bindings (`''` is the default namespace): one map changed as start tags declare
 * prefixes and restored as their elements end, so an element costs only its own declarations (a
 * copy of the scope per element was quadratic on documents declaring many prefixes).
 */
type Scope = Map<string, string | null>;
/** What an element's declarations replaced: [prefix, previous binding or undefined], to restore at its end. */
type Undo = [string, string | null | undefined][] | undefined;

interface Open {
  el: XmlElement;
  qname: string;
  undo: Undo;
}

/**
 * Parses an XML document into a small element tree. A hand-written scanner rather than a general
 * parser: it refuses any DOCTYPE (no entity is ever declared, so none can be expanded: XXE and
 * billion-laughs bodies fail fast), knows only the five predefined entities and character references,
 * resolves namespaces, and reports every error with its line and column. It reads the document once
 * (linear time): limits on attributes per element and start-tag length bound each tag, and the
 * checkpoint lets a deadline or an abort stop it.
 */
export function scan(input: string, limits: ScanLimits): XmlElement {
  // EM may prefix bodies with a UTF-8 byte-order mark; it is not part of the document.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  checkSize(text, limits.maxBytes);
  checkCharacters(text);
  const tick = limits.checkpoint;
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const scope: Scope = new Map([['xml', XML_NS]]);
  let i = 0;
  const n = text.length;
  while (i < n) {
    tick?.(text, i);
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.el.text += decodeText(text, i, end, undefined, tick);
      else if (!WS.test(text.slice(i, end))) failAt(text, i, 'malformed', 'text outside the root element; expected only whitespace, comments or processing instructions');
    }
    if (lt === -1) break;
    i = lt;
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f /* / */) {
      const close = text.indexOf('>', i);
      if (close === -1) failAt(text, i, 'truncated', 'unexpected end of document inside an end tag');
      const qname = text.slice(i + 2, close).trimEnd();
      const top = stack.pop();
      if (top === undefined) failAt(text, i, 'malformed', `end tag </${qname}> without a start tag`);
      if (top.qname !== qname) failAt(text, i, 'malformed', `end tag </${qname}> does not match <${top.qname}> (opened at ${lineCol(text, top.el.offset)})`);
      restore(scope, top.undo);
      i = close + 1;
    } else if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close === -1) failAt(text, i, 'truncated', 'unexpected end of document inside a comment');
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const top = stack[stack.length - 1];
        if (top === undefined) failAt(text, i, 'malformed', 'CDATA section outside the root element');
        const close = text.indexOf(']]>', i + 9);
        if (close === -1) failAt(text, i, 'truncated', 'unexpected end of document inside a CDATA section');
        top.el.text += text.slice(i + 9, close);
        i = close + 3;
      } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
        failAt(text, i, 'doctype', 'DOCTYPE declarations are refused (they can declare entities: XXE, billion laughs); expected a document without one');
      } else if (/^<!ENTITY/i.test(text.slice(i, i + 8))) {
        failAt(text, i, 'entity', 'entity declarations are refused; expected a document without one');
      } else {
        failAt(text, i, 'malformed', `unexpected markup "${text.slice(i, i + 10)}"`);
      }
    } else if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) failAt(text, i, 'truncated', 'unexpected end of document inside a processing instruction');
      if (i === 0) checkDeclaration(text, close);
      i = close + 2;
    } else {
      if (root !== undefined && stack.length === 0) failAt(text, i, 'malformed', 'a second root element; expected one root element');
      if (stack.length >= limits.maxDepth) failAt(text, i, 'too-deep', `elements nested deeper than ${limits.maxDepth} levels`);
      const tag = startTag(text, i, scope, limits);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.el.children.push(tag.el);
      else root = tag.el;
      if (tag.selfClosing) restore(scope, tag.undo);
      else stack.push({ el: tag.el, qname: tag.qname, undo: tag.undo });
      i = tag.end;
    }
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) failAt(text, n, 'truncated', `unexpected end of document: <${open.qname}> (opened at ${lineCol(text, open.el.offset)}) is not closed`);
  if (root === undefined) failAt(text, n, 'malformed', 'no root element; expected an XML document');
  return root;
}

function restore(scope: Scope, undo: Undo): void {
  if (undo === undefined) return;
  for (let k = undo.length - 1; k >= 0; k--) {
    const [prefix, previous] = undo[k]!;
    if (previous === undefined) scope.delete(prefix);
    else scope.set(prefix, previous);
  }
}

/** Refuses characters XML 1.0 does not allow (a NUL, other C0 controls, U+FFFE, U+FFFF). */
function checkCharacters(text: string): void {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad === null) return;
  const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  failAt(text, bad.index, 'invalid-character', `character U+${code} is not allowed in an XML document`);
}

/** The XML declaration may name only UTF-8: the body was decoded as UTF-8, another encoding would be misread. */
function checkDeclaration(text: string, close: number): void {
  const decl = XML_DECL.exec(text.slice(0, close + 2));
  if (decl === null) return;
  const name = decl[2]!;
  if (/^utf-?8$/i.test(name)) return;
  failAt(text, decl.index + decl[0].length - 1 - name.length, 'unsupported-encoding', `the XML declaration names encoding "${name}"; expected UTF-8 (the only encoding read)`);
}

function checkSize(text: string, maxBytes: number): void {
  // UTF-8 needs at most 3 bytes per UTF-16 unit: count exactly only when the quick bound is not enough.
  if (text.length <= maxBytes / 3) return;
  const bytes = text.length > maxBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    const size = text.length > maxBytes ? `more than ${maxBytes}` : String(bytes);
    throw new XmlDecodeError('too-large', 0, 0, `document of ${size} bytes is over the limit of ${maxBytes} bytes; raise maxBytes if this body is expected`);
  }
}

interface StartTag {
  el: XmlElement;
  qname: string;
  /** Bindings this tag's declarations replaced in the scope (already applied). */
  undo: Undo;
  selfClosing: boolean;
  end: number;
}

/** Reads `<qname attr="v" ...>` or `.../>` starting at `<`; applies its namespace declarations to `scope`. */
function startTag(text: string, start: number, scope: Scope, limits: ScanLimits): StartTag {
  let i = start + 1;
  const n = text.length;
  const maxEnd = start + limits.maxStartTagLength;
  while (i < n && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') i++;
  const qname = text.slice(start + 1, i);
  if (i >= maxEnd) tooLong(text, start, qname, limits);
  if (!NAME.test(qname)) failAt(text, start, 'malformed', `invalid element name "${qname}"`);
  const raw: { qname: string; value: string; offset: number }[] = [];
  let seen: Set<string> | undefined;
  let selfClosing = false;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= maxEnd) tooLong(text, start, qname, limits);
    if (i >= n) failAt(text, start, 'truncated', `unexpected end of document inside the start tag <${qname}>`);
    const c = text[i];
    if (c === '>') {
      i++;
      break;
    }
    if (c === '/') {
      if (text[i + 1] !== '>') failAt(text, i, 'malformed', `expected "/>" in <${qname}>`);
      selfClosing = true;
      i += 2;
      break;
    }
    const nameStart = i;
    if (raw.length >= limits.maxAttributes) {
      failAt(text, nameStart, 'too-many-attributes', `<${qname}> has more than ${limits.maxAttributes} attributes (maxAttributes, namespace declarations included)`);
    }
    while (i < n && !isSpace(text.charCodeAt(i)) && text[i] !== '=' && text[i] !== '>' && text[i] !== '/') i++;
    if (i >= n) failAt(text, start, 'truncated', `unexpected end of document inside the start tag <${qname}>`);
    const attrName = text.slice(nameStart, i);
    if (!NAME.test(attrName)) failAt(text, nameStart, 'malformed', `invalid attribute name "${attrName}" in <${qname}>`);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) failAt(text, start, 'truncated', `unexpected end of document inside the start tag <${qname}>`);
    if (text[i] !== '=') failAt(text, i, i >= n ? 'truncated' : 'malformed', `expected "=" after attribute ${attrName} of <${qname}>`);
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") failAt(text, i, i >= n ? 'truncated' : 'malformed', `expected a quoted value for attribute ${attrName} of <${qname}>`);
    const close = text.indexOf(quote, i + 1);
    if (close === -1) failAt(text, i, 'truncated', `unexpected end of document inside attribute ${attrName} of <${qname}>`);
    if (close >= maxEnd) tooLong(text, start, qname, limits);
    // Look for "<" in this value only: a search from here to the next "<" of the document would cross
    // every later attribute of the tag, which made large tags quadratic.
    const value = text.slice(i + 1, close);
    const lt = value.indexOf('<');
    if (lt !== -1) failAt(text, i + 1 + lt, 'malformed', `"<" inside the value of attribute ${attrName} of <${qname}>`);
    if (seen !== undefined) {
      if (seen.has(attrName)) duplicate(text, nameStart, attrName, qname);
      seen.add(attrName);
    } else {
      for (const a of raw) if (a.qname === attrName) duplicate(text, nameStart, attrName, qname);
      if (raw.length + 1 >= SET_FROM) seen = new Set([...raw.map((a) => a.qname), attrName]);
    }
    // Attribute-value normalization (XML 1.0 §3.3.3): literal tabs and newlines read as spaces.
    raw.push({ qname: attrName, value: decodeText(text, i + 1, close, value, limits.checkpoint).replace(/[\t\n\r]/g, ' '), offset: nameStart });
    i = close + 1;
    if (i < n && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') failAt(text, i, 'malformed', `expected whitespace between attributes of <${qname}>`);
  }
  if (i - 1 >= maxEnd) tooLong(text, start, qname, limits);
  let undo: Undo;
  for (const a of raw) {
    if (a.qname === 'xmlns' || a.qname.startsWith('xmlns:')) {
      const prefix = a.qname === 'xmlns' ? '' : a.qname.slice(6);
      (undo ??= []).push([prefix, scope.get(prefix)]);
      scope.set(prefix, a.value === '' ? null : a.value);
    }
  }
  const attrs: XmlAttr[] = [];
  for (const a of raw) {
    if (a.qname === 'xmlns' || a.qname.startsWith('xmlns:')) continue;
    const colon = a.qname.indexOf(':');
    const ns = colon === -1 ? null : resolvePrefix(text, a.offset, scope, a.qname.slice(0, colon));
    attrs.push({ local: colon === -1 ? a.qname : a.qname.slice(colon + 1), ns, value: a.value, offset: a.offset });
  }
  const colon = qname.indexOf(':');
  const ns = resolvePrefix(text, start, scope, colon === -1 ? '' : qname.slice(0, colon));
  const el: XmlElement = { local: colon === -1 ? qname : qname.slice(colon + 1), ns, attrs, children: [], text: '', offset: start };
  return { el, qname, undo, selfClosing, end: i };
}

function tooLong(text: string, start: number, qname: string, limits: ScanLimits): never {
  return failAt(text, start, 'start-tag-too-long', `the start tag <${qname.slice(0, 40)}> is longer than ${limits.maxStartTagLength} characters (maxStartTagLength)`);
}

function duplicate(text: string, offset: number, attrName: string, qname: string): never {
  return failAt(text, offset, 'duplicate', `attribute ${attrName} appears twice in <${qname}>`);
}

function resolvePrefix(text: string, offset: number, scope: Scope, prefix: string): string | null {
  const uri = scope.get(prefix);
  if (uri === undefined) {
    if (prefix === '') return null;
    failAt(text, offset, 'malformed', `namespace prefix "${prefix}" is not declared`);
  }
  return uri;
}

/** Character data with the five predefined entities and character references decoded. */
function decodeText(text: string, start: number, end: number, segment = text.slice(start, end), tick?: Checkpoint): string {
  // Search only this segment: an indexOf over the rest of the document would make parsing quadratic.
  if (!segment.includes('&')) return segment;
  let out = '';
  let i = start;
  for (let a = start + segment.indexOf('&'); a !== -1 && a < end; a = nextAmp(text, i, end)) {
    tick?.(text, a); // one text node can hold millions of references: poll within it too
    out += text.slice(i, a);
    const semi = text.indexOf(';', a);
    if (semi === -1 || semi > end || semi - a > 12) failAt(text, a, 'malformed', 'a "&" that starts no entity or character reference; expected "&amp;"');
    const name = text.slice(a + 1, semi);
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      const digits = name[1] === 'x' ? /^#x[0-9A-Fa-f]+$/ : /^#[0-9]+$/;
      if (!digits.test(name) || !isXmlChar(code)) failAt(text, a, 'malformed', `invalid character reference &${name};`);
      out += String.fromCodePoint(code);
    } else {
      const value = PREDEFINED[name];
      if (value === undefined) failAt(text, a, 'entity', `undefined entity &${name}; (only the five predefined XML entities are accepted, entities are never expanded)`);
      out += value;
    }
    i = semi + 1;
  }
  return out + text.slice(i, end);
}

function nextAmp(text: string, from: number, end: number): number {
  const k = text.slice(from, end).indexOf('&');
  return k === -1 ? -1 : from + k;
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return `${line}:${offset - last}`;
}
