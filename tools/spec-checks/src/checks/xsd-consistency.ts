// Check 5 (EM): OpenAPI schemas with an xml name in the XSD's namespace must agree with the XSD
// complexType of the same name: attribute vs element, names, types, enums, optionality (AGENTS.md:
// required + nullable in OpenAPI == optional in the XSD) and list cardinality (wrapped/unwrapped).
import path from 'node:path';
import { resolveLocal, type Schema, type SpecIndex } from '@veeam-rest/contract-tests';
import type { CheckResult, Finding } from '../findings.js';
import { readXsd, XsdReadError, type XsdMember, type XsdModel } from '../xsd/model.js';
import { isNullable, nonNull, types } from '../mutate/candidates.js';

const XSD_TYPES: Record<string, string> = {
  string: 'string', normalizedString: 'string', token: 'string', anyURI: 'string', duration: 'string',
  int: 'integer', long: 'integer', integer: 'integer', short: 'integer', unsignedInt: 'integer', unsignedLong: 'integer', nonNegativeInteger: 'integer', positiveInteger: 'integer',
  boolean: 'boolean', dateTime: 'string/date-time', date: 'string/date', double: 'number', decimal: 'number', float: 'number',
};

/** The OpenAPI side of one member, normalized like the XSD side. */
interface ApiMember { kind: 'attribute' | 'element' | 'text'; name: string; type: string; enums?: string[]; optional: boolean; many: boolean; wrapped: boolean; itemName?: string }

function apiType(doc: unknown, raw0: Schema): { type: string; enums?: string[] } {
  const raw = nonNull(raw0) ?? raw0;
  const ref = typeof raw.$ref === 'string' ? raw.$ref.replace('#/components/schemas/', '') : undefined;
  const s = resolveLocal(doc, raw) ?? {};
  const enums = Array.isArray(s.enum) ? s.enum.filter((x: unknown) => x !== null).map(String).sort() : undefined;
  if (enums) return { type: 'enum', enums };
  if (ref && types(s).includes('object')) return { type: ref };
  const t = types(s)[0] ?? 'any';
  if (t === 'string' && (s.format === 'date-time' || s.format === 'date')) return { type: `string/${s.format}` };
  return { type: t };
}

function xsdType(x: XsdModel, type: string): { type: string; enums?: string[] } {
  if (type.startsWith('(enum:')) return { type: 'enum', enums: type.slice(6, -1).split('|').sort() };
  const st = x.simpleTypes.get(type);
  if (st) return st.enums.length ? { type: 'enum', enums: [...st.enums].sort() } : xsdType(x, st.base);
  if (x.complexTypes.has(type)) return { type };
  return { type: XSD_TYPES[type] ?? `xs:${type}` };
}

/** Root schemas in the namespace plus every object schema they reach through `$ref` (their children). */
export function namespacedSchemas(doc: SpecIndex['doc'], namespace: string): string[] {
  const all = doc.components?.schemas ?? {};
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const n = ref.slice('#/components/schemas/'.length);
      if (!out.has(n) && types(all[n] ?? {}).includes('object')) { out.add(n); visit(all[n]); }
      return;
    }
    Object.values(node).forEach(visit);
  };
  for (const [n, s] of Object.entries(all)) if (s.xml?.namespace === namespace) { out.add(n); visit(s); }
  return [...out];
}

/** Compares every namespaced schema of an index with the XSD; one finding per difference. */
export function compareWithXsd(index: SpecIndex, xsd: XsdModel): Finding[] {
  const doc = index.doc;
  const out: Finding[] = [];
  const specDir = path.dirname(index.spec.rootFile);
  for (const name of namespacedSchemas(doc, xsd.targetNamespace)) {
    const schema = doc.components!.schemas![name]!;
    const file = path.join(specDir, 'components', 'schemas', `${name}.yaml`);
    const diff = (message: string) => out.push({ file, message: `${name}: ${message}` });
    const ct = xsd.complexTypes.get(name);
    if (!ct) { diff(`no complexType "${name}" in ${path.basename(xsd.file)}`); continue; }
    const rootName = schema.xml?.name ?? name;
    if (xsd.elements.has(rootName) && xsd.elements.get(rootName) !== name) diff(`XSD element ${rootName} has type ${xsd.elements.get(rootName)}, OpenAPI xml.name maps it to ${name}`);
    const api = new Map<string, ApiMember>();
    const required: string[] = schema.required ?? [];
    for (const [prop, raw0] of Object.entries<Schema>(schema.properties ?? {})) {
      const nullable = isNullable(raw0) || isNullable(resolveLocal(doc, raw0) ?? {});
      const raw = nonNull(raw0) ?? raw0;
      const s = resolveLocal(doc, raw) ?? {};
      const isArray = types(s).includes('array');
      const itemsRaw: Schema | undefined = isArray ? s.items : undefined;
      const unwrappedList = isArray && !(s.xml?.wrapped ?? raw.xml?.wrapped);
      // AGENTS.md: required + nullable == optional; an unwrapped list may be empty unless minItems >= 1.
      const optional = !required.includes(prop) || nullable || (unwrappedList && !(s.minItems >= 1));
      // The XML Object may sit on the property itself or on its non-null oneOf member (codegen reads both).
      const xmlName = raw0.xml?.name ?? raw.xml?.name ?? s.xml?.name ?? prop;
      const attribute = Boolean(raw0.xml?.attribute ?? raw.xml?.attribute ?? s.xml?.attribute);
      const wrapped = Boolean(s.xml?.wrapped ?? raw.xml?.wrapped);
      const itemName = itemsRaw ? (itemsRaw.xml?.name ?? resolveLocal(doc, itemsRaw)?.xml?.name ?? xmlName) : undefined;
      const t = apiType(doc, itemsRaw ?? raw);
      const text = Boolean(raw.xml?.['x-veeam-text'] ?? s.xml?.['x-veeam-text']);
      const m: ApiMember = { kind: text ? 'text' : attribute ? 'attribute' : 'element', name: text ? '#text' : isArray && !wrapped ? itemName! : xmlName, ...t, optional, many: isArray, wrapped, itemName };
      api.set(m.name, m);
    }
    const xsdByName = new Map(ct.map((m) => [m.name, m]));
    for (const [n, a] of api) {
      const x = xsdByName.get(n);
      if (!x) { diff(`${a.kind} ${n} is in OpenAPI but not in the XSD complexType`); continue; }
      if (x.kind !== a.kind) { diff(`${n} is an ${a.kind} in OpenAPI but an ${x.kind} in the XSD`); continue; }
      compareMember(xsd, a, x, diff);
    }
    for (const x of ct) if (!api.has(x.name)) diff(`${x.kind} ${x.name} is in the XSD but not in the OpenAPI schema`);
  }
  return out;
}

function compareMember(xsd: XsdModel, a: ApiMember, x: XsdMember, diff: (m: string) => void): void {
  const n = a.name;
  if (a.kind === 'text') {
    const xt = xsdType(xsd, x.type);
    if (xt.type !== a.type) diff(`text content has type ${a.type} in OpenAPI but ${xt.type} (${x.type}) in the XSD`);
    return;
  }
  if (a.optional !== x.optional) {
    diff(`${n} is ${a.optional ? 'optional' : 'mandatory'} in OpenAPI (required+nullable or not required = optional) but ${x.optional ? 'optional' : 'mandatory'} in the XSD`);
  }
  let target = x;
  if (a.many && a.wrapped) {
    if (!x.inner) { diff(`${n} is a wrapped array in OpenAPI but the XSD element has no single repeated child`); return; }
    if (x.inner.name !== a.itemName) diff(`${n} items are <${a.itemName}> in OpenAPI but <${x.inner.name}> in the XSD`);
    if (!x.inner.many) diff(`${n}/${x.inner.name} is an array in OpenAPI but maxOccurs is 1 in the XSD`);
    target = x.inner;
  } else if (a.many !== x.many) {
    diff(`${n} is ${a.many ? 'an unwrapped array' : 'a single value'} in OpenAPI but has maxOccurs ${x.many ? 'unbounded' : '1'} in the XSD`);
  }
  const xt = xsdType(xsd, target.type);
  if (target.type === '(inline)' && !a.many) { diff(`${n} has an anonymous complex type in the XSD; use a named type`); return; }
  if (xt.type !== a.type) diff(`${n} has type ${a.type} in OpenAPI but ${xt.type} (${target.type}) in the XSD`);
  else if (a.enums && xt.enums && a.enums.join('|') !== xt.enums.join('|')) {
    const onlyApi = a.enums.filter((e) => !xt.enums!.includes(e));
    const onlyXsd = xt.enums.filter((e) => !a.enums!.includes(e));
    diff(`${n} enum differs: only in OpenAPI [${onlyApi.join(', ')}], only in the XSD [${onlyXsd.join(', ')}]`);
  }
}

/** Runs the comparison for every product that ships XSDs. */
export function xsdConsistencyCheck(indexes: Iterable<SpecIndex>): CheckResult {
  const failures: Finding[] = [];
  let compared = 0;
  for (const index of indexes) {
    for (const file of index.spec.xsdFiles) {
      let model: XsdModel;
      try { model = readXsd(file); } catch (e) {
        if (e instanceof XsdReadError) { failures.push({ file: e.file, position: e.position, message: e.message.slice(e.message.indexOf(': ') + 2) }); continue; }
        throw e;
      }
      compared += namespacedSchemas(index.doc, model.targetNamespace).length;
      failures.push(...compareWithXsd(index, model));
    }
  }
  return { name: 'xsd-consistency', summary: `${compared} namespaced schemas compared with their XSD complexType, ${failures.length} differences`, failures, notes: [] };
}
