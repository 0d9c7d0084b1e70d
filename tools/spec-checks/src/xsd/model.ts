// A small model of a hand-written XSD: global elements, complex types (attributes + sequence
// elements, inline wrapper types) and simple types with enumerations. Positions are line numbers.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An attribute or child element of a complex type. */
export interface XsdMember {
  kind: 'attribute' | 'element' | 'text';
  name: string;
  /** Local type name (`string`, `int`, `JobType`), or `(inline)` for an anonymous complex type. */
  type: string;
  optional: boolean;
  many: boolean;
  /** For an inline wrapper (`<Links><Link maxOccurs="unbounded"/></Links>`): its single repeated child. */
  inner?: XsdMember;
}

/** The parts of an XSD the consistency check compares. */
export interface XsdModel {
  file: string;
  targetNamespace: string;
  elements: Map<string, string>;
  complexTypes: Map<string, XsdMember[]>;
  /** Simple type name -> base type and enumeration values. */
  simpleTypes: Map<string, { base: string; enums: string[] }>;
}

/** An XSD that cannot be read: names the file and line:column. */
export class XsdReadError extends Error {
  constructor(readonly file: string, readonly position: string, message: string) {
    super(`${file}:${position}: ${message}`);
  }
}

const local = (q: unknown) => String(q ?? '').replace(/^.*:/, '');
const list = (x: unknown): any[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Parses an XSD file into the model. */
export function readXsd(file: string): XsdModel {
  const text = readFileSync(file, 'utf8');
  const wf = XMLValidator.validate(text);
  if (wf !== true) throw new XsdReadError(file, `${wf.err.line}:${wf.err.col}`, `XSD is not well-formed: ${wf.err.msg}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => ['element', 'attribute', 'complexType', 'simpleType', 'enumeration'].includes(name) });
  const schema = parser.parse(text).schema;
  if (!schema) throw new XsdReadError(file, '1:1', 'root element is not xs:schema');
  const model: XsdModel = { file, targetNamespace: schema['@targetNamespace'] ?? '', elements: new Map(), complexTypes: new Map(), simpleTypes: new Map() };
  for (const e of list(schema.element)) model.elements.set(e['@name'], local(e['@type']));
  for (const st of list(schema.simpleType)) {
    const r = st.restriction ?? {};
    model.simpleTypes.set(st['@name'], { base: local(r['@base']), enums: list(r.enumeration).map((x) => String(x['@value'])) });
  }
  for (const ct of list(schema.complexType)) model.complexTypes.set(ct['@name'], members(ct));
  return model;
}

function members(ct: any): XsdMember[] {
  const out: XsdMember[] = [];
  const content = ct.simpleContent?.extension ?? ct.complexContent?.extension ?? ct;
  // simpleContent: the element's own text (OpenAPI: the property marked xml.x-veeam-text).
  if (ct.simpleContent?.extension) out.push({ kind: 'text', name: '#text', type: local(ct.simpleContent.extension['@base']), optional: false, many: false });
  for (const a of list(content.attribute)) {
    out.push({ kind: 'attribute', name: a['@name'], type: local(a['@type'] ?? inlineSimple(a)), optional: a['@use'] !== 'required', many: false });
  }
  const seq = content.sequence ?? content.all ?? content.choice;
  for (const e of list(seq?.element)) out.push(element(e, seq));
  return out;
}

function element(e: any, group?: any): XsdMember {
  const max = e['@maxOccurs'] ?? group?.['@maxOccurs'] ?? '1';
  const m: XsdMember = {
    kind: 'element',
    name: e['@name'] ?? local(e['@ref']),
    type: e['@type'] ? local(e['@type']) : e.complexType ? '(inline)' : e.simpleType ? inlineSimple(e) : 'anyType',
    optional: (e['@minOccurs'] ?? group?.['@minOccurs'] ?? '1') === '0',
    many: max === 'unbounded' || Number(max) > 1,
  };
  const inlineCt = list(e.complexType)[0];
  if (inlineCt) {
    const inner = list(inlineCt.sequence?.element);
    if (inner.length === 1) m.inner = element(inner[0], inlineCt.sequence);
  }
  return m;
}

function inlineSimple(node: any): string {
  const st = list(node.simpleType)[0];
  return st ? `(enum:${list(st.restriction?.enumeration).map((x) => x['@value']).join('|')})` : 'string';
}
