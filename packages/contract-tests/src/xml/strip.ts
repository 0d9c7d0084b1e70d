// Removing the additive differences of an XML document (`allow: ['additive']`): unknown elements and
// attributes are blanked, a new enumeration value is replaced by a known one, so the XSD can judge the
// rest of the document. Xerces stops checking a parent's content model at its first unexpected child,
// so an unknown element hides whatever follows it; only the re-validated remainder proves the
// difference was additive. Blanking keeps every line and column, so later errors point into the
// original body.
import type { ValidationError } from '../types.js';
import { offendingAttribute, offendingElement } from './xsd-errors.js';

/** A tag of the document: its text span and name. */
interface Tag { start: number; end: number; name: string; closing: boolean; selfClosing: boolean }

// Comments, CDATA, processing instructions, then tags (attribute values may hold `>`).
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Character offset of a Xerces `line:column` (1-based; the column is just past the event). */
function offsetOf(starts: readonly number[], path: string): number | undefined {
  const m = /^(\d+):(\d+)$/.exec(path);
  if (!m) return undefined;
  const line = starts[Number(m[1]) - 1];
  return line === undefined ? undefined : line + Number(m[2]) - 1;
}

/** The tag that ends just before `offset` (Xerces reports an element's errors there). */
function tagEndingAt(text: string, offset: number): Tag | undefined {
  if (text[offset - 1] !== '>') return undefined;
  const lt = text.lastIndexOf('<', offset - 1);
  if (lt < 0) return undefined;
  TOKEN.lastIndex = lt;
  const m = TOKEN.exec(text);
  if (!m || m.index !== lt || TOKEN.lastIndex !== offset || m[2] === undefined) return undefined;
  return { start: lt, end: offset, name: m[2].slice(m[2].indexOf(':') + 1), closing: m[1] === '/', selfClosing: m[3] === '/' };
}

/** End offset of the element whose start tag is `tag` (past its end tag). */
function elementEnd(text: string, tag: Tag): number | undefined {
  if (tag.selfClosing) return tag.end;
  let depth = 1;
  TOKEN.lastIndex = tag.end;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[2] === undefined || m[3] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return TOKEN.lastIndex;
  }
  return undefined;
}

/** Spaces for every character but line breaks: the span disappears, positions stay. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** The enumeration value and the first allowed one of a `cvc-enumeration-valid` message. */
function enumValues(message: string): { value: string; known: string } | undefined {
  const m = /Value '(.*?)' is not facet-valid with respect to enumeration '\[(.*?)\]'/.exec(message);
  if (!m) return undefined;
  const known = m[2]!.split(', ')[0];
  return known === undefined || known === '' ? undefined : { value: m[1]!, known };
}

/**
 * The document without the additive differences `errors` report (all of them must be additive).
 * @returns undefined when one of them cannot be located: the difference then counts as breaking
 */
export function stripAdditive(text: string, errors: readonly ValidationError[]): string | undefined {
  const starts = lineStarts(text);
  // Edits from the end of the document backwards, so earlier offsets stay valid.
  const edits: { start: number; end: number; text: string }[] = [];
  for (const err of errors) {
    const at = offsetOf(starts, err.path);
    if (at === undefined) return undefined;
    const tag = tagEndingAt(text, at);
    if (!tag) return undefined;
    if (err.kind === 'xml-unknown-element') {
      if (tag.closing || tag.name !== offendingElement(err.message)) return undefined;
      const end = elementEnd(text, tag);
      if (end === undefined) return undefined;
      edits.push({ start: tag.start, end, text: blank(text.slice(tag.start, end)) });
    } else if (err.kind === 'xml-unknown-attribute') {
      const name = offendingAttribute(err.message);
      if (tag.closing || name === undefined) return undefined;
      const attr = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`).exec(text.slice(tag.start, tag.end));
      if (!attr) return undefined;
      const start = tag.start + attr.index;
      edits.push({ start, end: start + attr[0].length, text: blank(attr[0]) });
    } else if (err.kind === 'enum') {
      const values = enumValues(err.message);
      if (!values) continue; // the generic follow-up of the facet error: fixed with it
      const edit = tag.closing ? enumInText(text, tag, values) : enumInAttribute(text, tag, values);
      if (!edit) return undefined;
      edits.push(edit);
    } else {
      return undefined;
    }
  }
  // An edit inside an unknown element's span goes with it (the span is blanked whole).
  const kept = edits.filter((e) => !edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start));
  kept.sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const e of kept) {
    if (e.end > limit) return undefined; // overlapping edits: not a case the XSD reports
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/** `<E>NewValue</E>`: the text before the end tag. */
function enumInText(text: string, endTag: Tag, v: { value: string; known: string }): { start: number; end: number; text: string } | undefined {
  const open = text.lastIndexOf('>', endTag.start - 1) + 1;
  const content = text.slice(open, endTag.start);
  const i = content.indexOf(v.value);
  if (i < 0 || content.trim() !== v.value.trim()) return undefined;
  // The known value, padded after the end tag (whitespace between elements) when it is shorter.
  const pad = Math.max(0, v.value.length - v.known.length);
  return { start: open + i, end: endTag.end, text: v.known + content.slice(i + v.value.length) + text.slice(endTag.start, endTag.end) + ' '.repeat(pad) };
}

/** `<E Attr="NewValue">`: the attribute holding the value. */
function enumInAttribute(text: string, tag: Tag, v: { value: string; known: string }): { start: number; end: number; text: string } | undefined {
  const tagText = text.slice(tag.start, tag.end);
  const re = /\s[^\s=]+\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tagText); m; m = re.exec(tagText)) {
    const value = m[2] ?? m[3];
    if (value !== v.value) continue;
    const quote = m[1]![0]!;
    const valueStart = tag.start + m.index + m[0].length - value.length - 1;
    const pad = Math.max(0, v.value.length - v.known.length);
    return { start: valueStart, end: valueStart + value.length + 1, text: `${v.known}${quote}${' '.repeat(pad)}` };
  }
  return undefined;
}
