import { failAt } from './errors.js';
import { checkpoint, type Checkpoint } from './interrupt.js';
import type { XmlMapping, XmlPropMapping, XmlSchemaMapping, XmlValueType } from './mapping.js';
import { scan, type XmlAttr, type XmlElement } from './scanner.js';

/** Options of {@link decodeXml}. */
export interface DecodeXmlOptions {
  /**
   * Largest accepted body in UTF-8 bytes.
   * @default 33554432 (32 MiB)
   */
  maxBytes?: number;
  /**
   * Deepest accepted element nesting.
   * @default 256
   */
  maxDepth?: number;
  /**
   * Most attributes on one element, namespace declarations included (EM elements carry a handful).
   * @default 256
   */
  maxAttributes?: number;
  /**
   * Longest start tag (`<` to `>`) in characters.
   * @default 65536
   */
  maxStartTagLength?: number;
  /**
   * Elements and attributes the mapping does not know: `error` (schemas are closed) or `ignore`.
   * @default 'error'
   */
  unknown?: 'error' | 'ignore';
  /**
   * `Date.now()` value after which decoding stops with XmlDecodeError `timeout` (checked every few
   * hundred tags: decoding is synchronous, so no timer can interrupt it). The clients pass their call's
   * timeout here.
   */
  deadline?: number | undefined;
  /** An aborted signal stops decoding with the signal's reason (polled like `deadline`). */
  signal?: AbortSignal | undefined;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * Decodes an XML body into exactly the object the JSON representation of the same resource gives,
 * guided by a generated mapping (`xml.gen.ts`). The root element picks the schema among `candidates`
 * (an operation's response schema names; all root schemas when empty).
 * Runs in time linear in the body (hostile start tags are bounded by `maxAttributes` and
 * `maxStartTagLength`) and can be stopped by `deadline` or `signal`.
 * @throws XmlDecodeError on malformed or hostile XML, a wrong namespace or root, or a value that does
 *   not fit its mapped type; the error carries `code`, `line` and `column`.
 * @example
 * const session = decodeXml(body, xmlMapping, ['EntityRef', 'BackupJobSession']);
 */
export function decodeXml(text: string, mapping: XmlMapping, candidates: readonly string[], options: DecodeXmlOptions = {}): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tick = checkpoint(options.deadline, options.signal);
  const root = scan(source, {
    maxBytes: options.maxBytes ?? 32 * 1024 * 1024,
    maxDepth: options.maxDepth ?? 256,
    maxAttributes: options.maxAttributes ?? 256,
    maxStartTagLength: options.maxStartTagLength ?? 65536,
    checkpoint: tick,
  });
  const ctx: Context = { text: source, mapping, ignoreUnknown: options.unknown === 'ignore', tick };
  if (root.ns !== mapping.namespace) {
    failAt(source, root.offset, 'wrong-namespace', `root element <${root.local}> is in namespace ${show(root.ns)}; expected ${show(mapping.namespace)}`);
  }
  const names = candidates.length > 0 ? candidates : Object.keys(mapping.schemas);
  const roots = names.filter((n) => mapping.schemas[n]?.element !== undefined);
  const picked = roots.find((n) => mapping.schemas[n]!.element === root.local);
  if (picked === undefined) {
    const expected = roots.map((n) => `<${mapping.schemas[n]!.element}>`).join(' or ') || 'no XML root (the candidates have no xml.name)';
    failAt(source, root.offset, 'unexpected-root', `unexpected root element <${root.local}>; expected ${expected}`);
  }
  return decodeObject(ctx, root, picked);
}

interface Context {
  readonly text: string;
  readonly mapping: XmlMapping;
  readonly ignoreUnknown: boolean;
  readonly tick: Checkpoint | undefined;
}

function decodeObject(ctx: Context, el: XmlElement, schemaName: string): Record<string, unknown> {
  ctx.tick?.(ctx.text, el.offset);
  const schema: XmlSchemaMapping | undefined = ctx.mapping.schemas[schemaName];
  if (schema === undefined) failAt(ctx.text, el.offset, 'invalid-value', `the mapping has no schema ${schemaName} for <${el.local}>`);
  const children = new Map<string, XmlElement[]>();
  for (const child of el.children) {
    if (child.ns !== ctx.mapping.namespace) {
      if (!ctx.ignoreUnknown) failAt(ctx.text, child.offset, 'unexpected-element', `<${child.local}> in namespace ${show(child.ns)} inside <${el.local}>; expected namespace ${show(ctx.mapping.namespace)}`);
      continue;
    }
    const list = children.get(child.local);
    if (list === undefined) children.set(child.local, [child]);
    else list.push(child);
  }
  const out: Record<string, unknown> = {};
  const usedAttrs = new Set<string>();
  const usedElements = new Set<string>();
  let usedText = false;
  for (const prop of schema.props) {
    if (prop.kind === 'attribute') {
      usedAttrs.add(prop.name);
      const attr = el.attrs.find((a) => a.local === prop.name && a.ns === null);
      if (attr === undefined) absent(ctx, el, prop, out);
      else out[prop.prop] = scalar(ctx, attr.value, prop.type, attr.offset, `attribute ${prop.name} of <${el.local}>`);
    } else if (prop.kind === 'text') {
      usedText = true;
      out[prop.prop] = scalar(ctx, el.text, prop.type, el.offset, `text of <${el.local}>`);
    } else if (prop.type === 'array') {
      decodeArray(ctx, el, prop, children, usedElements, out);
    } else {
      usedElements.add(prop.name);
      const found = children.get(prop.name);
      if (found === undefined) {
        absent(ctx, el, prop, out);
        continue;
      }
      if (found.length > 1) failAt(ctx.text, found[1]!.offset, 'duplicate', `<${prop.name}> appears ${found.length} times in <${el.local}>; expected at most once`);
      out[prop.prop] = element(ctx, found[0]!, prop.type, prop.ref, prop.nullable);
    }
  }
  if (!ctx.ignoreUnknown) checkLeftovers(ctx, el, schemaName, usedAttrs, usedElements, usedText);
  return out;
}

function decodeArray(ctx: Context, el: XmlElement, prop: XmlPropMapping, children: Map<string, XmlElement[]>, used: Set<string>, out: Record<string, unknown>): void {
  const itemName = prop.itemName ?? prop.name;
  const itemType = prop.itemType ?? 'string';
  if (prop.wrapped === true) {
    used.add(prop.name);
    const wrappers = children.get(prop.name);
    if (wrappers === undefined) return absent(ctx, el, prop, out);
    if (wrappers.length > 1) failAt(ctx.text, wrappers[1]!.offset, 'duplicate', `<${prop.name}> appears ${wrappers.length} times in <${el.local}>; expected one wrapper`);
    const wrapper = wrappers[0]!;
    if (isNil(wrapper)) return nil(ctx, wrapper, prop, out);
    if (!ctx.ignoreUnknown) {
      const stray = wrapper.children.find((c) => c.local !== itemName || c.ns !== ctx.mapping.namespace);
      if (stray !== undefined) failAt(ctx.text, stray.offset, 'unexpected-element', `<${stray.local}> inside <${prop.name}>; expected only <${itemName}> items`);
      if (wrapper.text.trim() !== '') failAt(ctx.text, wrapper.offset, 'unexpected-text', `text inside <${prop.name}>; expected only <${itemName}> items`);
    }
    out[prop.prop] = wrapper.children
      .filter((c) => c.local === itemName && c.ns === ctx.mapping.namespace)
      .map((c) => element(ctx, c, itemType, prop.ref, false));
    return;
  }
  used.add(itemName);
  const items = children.get(itemName) ?? [];
  if (items.length === 0) {
    if (prop.required) out[prop.prop] = prop.nullable ? null : [];
    return;
  }
  out[prop.prop] = items.map((c) => element(ctx, c, itemType, prop.ref, false));
}

/** The value of one child element: an object, or a simple value from its text. */
function element(ctx: Context, el: XmlElement, type: XmlValueType, ref: string | undefined, nullable: boolean): unknown {
  if (isNil(el)) {
    if (nullable) return null;
    failAt(ctx.text, el.offset, 'invalid-value', `<${el.local}> is xsi:nil but may not be null`);
  }
  if (type === 'object') {
    if (ref === undefined) failAt(ctx.text, el.offset, 'invalid-value', `the mapping gives <${el.local}> no schema`);
    return decodeObject(ctx, el, ref);
  }
  const child = el.children[0];
  if (child !== undefined) failAt(ctx.text, child.offset, 'unexpected-element', `<${child.local}> inside <${el.local}>; expected a ${type} value`);
  return scalar(ctx, el.text, type, el.offset, `<${el.local}>`);
}

/** Converts simple content to its JSON type; dates stay strings (as in the JSON representation). */
function scalar(ctx: Context, raw: string, type: XmlValueType, offset: number, what: string): unknown {
  if (type === 'string') return raw;
  // xs:integer, xs:boolean, xs:dateTime... collapse whitespace; strings keep it.
  const value = raw.trim();
  switch (type) {
    case 'integer':
      if (INTEGER.test(value)) return Number(value);
      break;
    case 'number':
      if (DECIMAL.test(value)) return Number(value);
      break;
    case 'boolean':
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      break;
    case 'date-time':
      if (DATE_TIME.test(value)) return value;
      break;
    default:
      break;
  }
  const expected = type === 'boolean' ? 'boolean (true, false, 1 or 0)' : type === 'date-time' ? 'date-time (xs:dateTime, e.g. 2024-01-31T08:00:00Z)' : type;
  return failAt(ctx.text, offset, 'invalid-value', `${what} is ${JSON.stringify(raw.length > 60 ? raw.slice(0, 57) + '...' : raw)}; expected ${expected}`);
}

/** A property with no attribute/element: `null` when nullable, an error when required, else left out. */
function absent(ctx: Context, el: XmlElement, prop: XmlPropMapping, out: Record<string, unknown>): void {
  if (!prop.required) return;
  if (prop.nullable) {
    out[prop.prop] = null;
    return;
  }
  const thing = prop.kind === 'attribute' ? `attribute ${prop.name}` : `element <${prop.name}>`;
  failAt(ctx.text, el.offset, 'missing-value', `<${el.local}> has no ${thing}; expected one (${prop.prop} is required and not nullable)`);
}

function nil(ctx: Context, el: XmlElement, prop: XmlPropMapping, out: Record<string, unknown>): void {
  if (!prop.nullable) failAt(ctx.text, el.offset, 'invalid-value', `<${el.local}> is xsi:nil but may not be null`);
  out[prop.prop] = null;
}

function isNil(el: XmlElement): boolean {
  return el.attrs.some((a: XmlAttr) => a.ns === XSI && a.local === 'nil' && (a.value.trim() === 'true' || a.value.trim() === '1'));
}

function checkLeftovers(ctx: Context, el: XmlElement, schemaName: string, attrs: Set<string>, elements: Set<string>, usedText: boolean): void {
  for (const a of el.attrs) {
    if (a.ns === XSI || a.ns === XML_NS) continue;
    if (a.ns !== null || !attrs.has(a.local)) {
      failAt(ctx.text, a.offset, 'unexpected-attribute', `unexpected attribute ${a.local} on <${el.local}>; ${schemaName} has ${[...attrs].join(', ') || 'no attributes'}`);
    }
  }
  for (const c of el.children) {
    if (!elements.has(c.local)) {
      failAt(ctx.text, c.offset, 'unexpected-element', `unexpected element <${c.local}> inside <${el.local}>; ${schemaName} has ${[...elements].map((e) => `<${e}>`).join(', ') || 'no child elements'}`);
    }
  }
  if (!usedText && el.text.trim() !== '') {
    failAt(ctx.text, el.offset, 'unexpected-text', `text ${JSON.stringify(el.text.trim().slice(0, 40))} inside <${el.local}>; ${schemaName} has element-only content`);
  }
}

function show(ns: string | null): string {
  return ns === null ? 'none' : `"${ns}"`;
}

