// Schema-guided mutations of a recording: the schema decides where a mutation goes, so the expected
// error location is known before validating. JSON mutations are structural (pointer known exactly);
// XML mutations are textual edits of single-line elements/attributes (line known).
import { resolveLocal, schemaNames, type SpecIndex } from '../src/index.js';

/** Kinds of mutation the issue asks for. */
export type MutationKind = 'enum-misspelled' | 'required-removed' | 'type-flipped' | 'extra-property' | 'wrong-namespace';

/** One mutated body and where its error must be reported. */
export interface Mutation {
  kind: MutationKind;
  body: string;
  /** JSON: the exact pointer. XML: the line the error must be on. */
  expectPath?: string;
  expectLine?: number;
  what: string;
}

type Schema = Record<string, any>;

function deref(index: SpecIndex, s: Schema | undefined): Schema {
  return (resolveLocal(index.doc, s) ?? {}) as Schema;
}

function types(s: Schema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
}

/** The component (or inline) schema a recording's body is validated against. */
export function rootSchema(index: SpecIndex, mediaSchema: Schema | undefined, representation: string | undefined): Schema {
  const names = schemaNames(mediaSchema);
  const name = names.length > 1 && representation && names.includes(representation) ? representation : names[0];
  return name ? deref(index, { $ref: `#/components/schemas/${name}` }) : deref(index, mediaSchema);
}

const esc = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');

interface Node {
  value: unknown;
  schema: Schema;
  pointer: string;
  parent?: { obj: Record<string, unknown> | unknown[]; key: string | number };
}

function walkJson(index: SpecIndex, value: unknown, schema: Schema, pointer: string, out: Node[], parent?: Node['parent']): void {
  const s = deref(index, schema);
  // Ambiguous branches (oneOf/anyOf below the root) are not mutated: the expected error is not unique.
  if (s.oneOf || s.anyOf) return;
  out.push({ value, schema: s, pointer, ...(parent ? { parent } : {}) });
  if (Array.isArray(value) && s.items) {
    value.slice(0, 3).forEach((v, i) => walkJson(index, v, s.items, `${pointer}/${i}`, out, { obj: value, key: i }));
  } else if (value && typeof value === 'object' && s.properties) {
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (s.properties[k]) walkJson(index, v, s.properties[k], `${pointer}/${esc(k)}`, out, { obj, key: k });
    }
  }
}

function setAt(root: unknown, node: Node, value: unknown): unknown {
  const copy = structuredClone(root);
  if (!node.parent) return value;
  const parts = node.pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: any = copy;
  for (const p of parts.slice(0, -1)) cur = cur[p];
  cur[parts.at(-1)!] = value;
  return copy;
}

function objectAt(root: unknown, pointer: string): Record<string, unknown> {
  let cur: any = root;
  for (const p of pointer.split('/').slice(1)) cur = cur[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  return cur as Record<string, unknown>;
}

function misspell(v: string, allowed: unknown[]): string {
  const candidate = v.length > 2 ? v.slice(0, 1) + v.slice(2) : `${v}x`;
  return allowed.includes(candidate) ? `${v}x` : candidate;
}

/** JSON mutations of a body, one per kind where the schema offers a place. */
export function jsonMutations(index: SpecIndex, text: string, schema: Schema): Mutation[] {
  const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const nodes: Node[] = [];
  walkJson(index, doc, schema, '', nodes);
  const out: Mutation[] = [];
  const enumNode = nodes.find((n) => typeof n.value === 'string' && Array.isArray(n.schema.enum) && n.schema.enum.includes(n.value));
  if (enumNode) {
    const bad = misspell(enumNode.value as string, enumNode.schema.enum);
    out.push({ kind: 'enum-misspelled', body: JSON.stringify(setAt(doc, enumNode, bad)), expectPath: enumNode.pointer, what: `${enumNode.pointer}: ${String(enumNode.value)} -> ${bad}` });
  }
  const reqNode = nodes.find((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value) && Array.isArray(n.schema.required) && n.schema.required.some((r: string) => r in (n.value as object)));
  if (reqNode) {
    const key = (reqNode.schema.required as string[]).find((r) => r in (reqNode.value as object))!;
    const copy = structuredClone(doc);
    delete objectAt(copy, reqNode.pointer)[key];
    out.push({ kind: 'required-removed', body: JSON.stringify(copy), expectPath: `${reqNode.pointer}/${esc(key)}`, what: `removed ${reqNode.pointer}/${key}` });
  }
  const typeNode = nodes.find((n) => n.parent && (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') && !types(n.schema).includes('null') && types(n.schema).length === 1);
  if (typeNode) {
    const flipped = typeof typeNode.value === 'string' ? 12345 : String(typeNode.value);
    out.push({ kind: 'type-flipped', body: JSON.stringify(setAt(doc, typeNode, flipped)), expectPath: typeNode.pointer, what: `${typeNode.pointer}: ${JSON.stringify(typeNode.value)} -> ${JSON.stringify(flipped)}` });
  }
  const closed = nodes.find((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value) && n.schema.additionalProperties === false);
  if (closed) {
    const copy = structuredClone(doc);
    objectAt(copy, closed.pointer).UnexpectedExtra = 1;
    out.push({ kind: 'extra-property', body: JSON.stringify(copy), expectPath: `${closed.pointer}/UnexpectedExtra`, what: `added ${closed.pointer}/UnexpectedExtra` });
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every (name -> schema) of element and attribute properties reachable from `schema`. */
function xmlProperties(index: SpecIndex, schema: Schema, seen = new Set<Schema>()): { name: string; attribute: boolean; schema: Schema; required: boolean }[] {
  const s = deref(index, schema);
  if (seen.has(s)) return [];
  seen.add(s);
  const out: { name: string; attribute: boolean; schema: Schema; required: boolean }[] = [];
  for (const [k, raw] of Object.entries<Schema>(s.properties ?? {})) {
    const p = deref(index, raw);
    const name = raw.xml?.name ?? p.xml?.name ?? k;
    out.push({ name, attribute: raw.xml?.attribute === true || p.xml?.attribute === true, schema: p, required: (s.required ?? []).includes(k) && !types(p).includes('null') });
    if (p.items) out.push(...xmlProperties(index, p.items, seen));
    if (p.properties) out.push(...xmlProperties(index, p, seen));
  }
  return out;
}

/** XML mutations of a body (namespace, enum, type, extra element, required attribute). */
export function xmlMutations(index: SpecIndex, text: string, schema: Schema): Mutation[] {
  const out: Mutation[] = [];
  const root = /<([A-Za-z][\w.-]*)\b[^>]*>/.exec(text.replace(/<\?[\s\S]*?\?>/g, (m) => ' '.repeat(m.length)));
  if (!root) return out;
  const rootStart = root.index;
  const rootEnd = rootStart + root[0].length;
  const nsAt = text.indexOf('xmlns="http://www.veeam.com/ent/v1.0"', rootStart);
  if (nsAt >= 0 && nsAt < rootEnd) {
    out.push({ kind: 'wrong-namespace', body: text.slice(0, nsAt) + 'xmlns="http://www.veeam.com/ent/v9.9"' + text.slice(nsAt + 37), expectLine: lineOf(text, rootStart), what: 'root namespace v1.0 -> v9.9' });
  }
  const props = xmlProperties(index, schema);
  for (const p of props.filter((x) => Array.isArray(x.schema.enum))) {
    const m = p.attribute ? new RegExp(`\\s${p.name}="([^"]*)"`).exec(text) : new RegExp(`<${p.name}>([^<]*)</${p.name}>`).exec(text);
    if (!m || !p.schema.enum.includes(m[1])) continue;
    const bad = misspell(m[1]!, p.schema.enum);
    out.push({ kind: 'enum-misspelled', body: text.slice(0, m.index) + m[0].replace(m[1]!, bad) + text.slice(m.index + m[0].length), expectLine: lineOf(text, m.index), what: `${p.name}: ${m[1]} -> ${bad}` });
    break;
  }
  for (const p of props.filter((x) => !x.attribute && ['integer', 'number', 'boolean'].some((t) => types(x.schema).includes(t)))) {
    const m = new RegExp(`<${p.name}>([^<]*)</${p.name}>`).exec(text);
    if (!m) continue;
    out.push({ kind: 'type-flipped', body: text.slice(0, m.index) + `<${p.name}>not-a-${types(p.schema)[0]}</${p.name}>` + text.slice(m.index + m[0].length), expectLine: lineOf(text, m.index), what: `${p.name}: ${m[1]} -> not-a-${types(p.schema)[0]}` });
    break;
  }
  const rootSchema = deref(index, schema);
  if (rootSchema.additionalProperties === false) {
    out.push({ kind: 'extra-property', body: text.slice(0, rootEnd) + '<UnexpectedExtra>1</UnexpectedExtra>' + text.slice(rootEnd), expectLine: lineOf(text, rootEnd), what: 'extra first child element <UnexpectedExtra>' });
  }
  const reqAttr = props.find((p) => p.attribute && p.required && new RegExp(`\\s${p.name}="[^"]*"`).test(root[0]));
  if (reqAttr) {
    const m = new RegExp(`\\s${reqAttr.name}="[^"]*"`).exec(root[0])!;
    out.push({ kind: 'required-removed', body: text.slice(0, rootStart + m.index) + text.slice(rootStart + m.index + m[0].length), expectLine: lineOf(text, rootEnd), what: `removed required attribute ${reqAttr.name} of the root` });
  }
  return out;
}
