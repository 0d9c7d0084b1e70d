// XML mutants of a seed example, guided by the OpenAPI schema's xml mapping (attributes vs elements,
// wrapped vs unwrapped arrays): the XSD must reject each one.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Schema } from '@veeam-rest/contract-tests';
import { resolveSchema, sitesOf, types, type MutationKind } from './candidates.js';
import type { Mutant } from './json.js';

const OPTIONS = {
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false,
  parseAttributeValue: false, trimValues: false, processEntities: false, suppressEmptyNode: true,
} as const;

type Node = Record<string, any>;
const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ':@');
const local = (tag: string) => tag.slice(tag.indexOf(':') + 1);

/** Whether a non-string XSD type backs this schema, so a text value can break it. */
function typed(s: Schema): boolean {
  const t = types(s);
  return Array.isArray(s.enum) || t.includes('integer') || t.includes('number') || t.includes('boolean') || s.format === 'date-time';
}

/** Builds up to one mutant per kind for an XML body whose root matches `schema`. */
export function xmlMutants(doc: unknown, schema: Schema, xml: string): Mutant[] {
  const parser = new XMLParser(OPTIONS);
  const builder = new XMLBuilder(OPTIONS);
  const tree = parser.parse(xml) as Node[];
  const found = new Map<MutationKind, Mutant>();
  const rootIdx = tree.findIndex((n) => { const t = tagOf(n); return t !== undefined && !t.startsWith('?') && t !== '#comment'; });
  if (rootIdx < 0) return [];
  // Each site is applied to a fresh parse, located by its path of child indexes.
  const emit = (kind: MutationKind, where: string, description: string, path: number[], f: (node: Node, parent: Node[]) => void) => {
    if (found.has(kind)) return;
    const copy = parser.parse(xml) as Node[];
    let parent: Node[] = copy;
    let node = copy[path[0]!]!;
    for (const i of path.slice(1)) { parent = node[tagOf(node)!]; node = parent[i]!; }
    f(node, parent);
    found.set(kind, { kind, where, description, body: builder.build(copy) as string });
  };
  const walk = (s: Schema | undefined, node: Node, path: number[], where: string) => {
    const rs = resolveSchema(doc, s);
    if (!rs?.properties || found.size === 3) return;
    const tag = tagOf(node)!;
    const children: Node[] = node[tag] ?? [];
    const attrs: Record<string, string> = node[':@'] ?? {};
    for (const prop of Object.keys(rs.properties)) {
      const raw = rs.properties[prop] as Schema;
      const ps = resolveSchema(doc, raw) ?? {};
      const name: string = raw.xml?.name ?? prop;
      const sites = sitesOf(doc, rs, prop);
      if (raw.xml?.attribute || ps.xml?.attribute) {
        const key = `@_${name}`;
        if (!(key in attrs)) continue;
        const at = `${where}/@${name}`;
        for (const site of sites) {
          if (site.kind === 'enum') emit('enum', at, `attribute ${name}="${attrs[key]}" changed to "${attrs[key]}Mutated"`, path, (n) => { n[':@'][key] = `${attrs[key]}Mutated`; });
          if (site.kind === 'required' && !site.nullable) emit('required', at, `required attribute ${name} removed`, path, (n) => { delete n[':@'][key]; });
          if (site.kind === 'type' && typed(ps)) emit('type', at, `attribute ${name} given a value of the wrong type`, path, (n) => { n[':@'][key] = 'not-a-valid-value'; });
        }
        continue;
      }
      const isArray = types(ps).includes('array');
      const items = isArray ? (ps.items as Schema) : undefined;
      const itemName: string = items ? ((items.xml?.name ?? resolveSchema(doc, items)?.xml?.name ?? (ps.xml?.wrapped ? prop : name)) as string) : name;
      const lookFor = isArray && !ps.xml?.wrapped ? itemName : name;
      const idx = children.findIndex((c) => { const t = tagOf(c); return t !== undefined && local(t) === lookFor; });
      if (idx < 0) continue;
      const child = children[idx]!;
      const at = `${where}/${lookFor}`;
      for (const site of sites) {
        if (site.kind === 'enum') emit('enum', at, `element ${name} value changed`, [...path, idx], (n) => { n[tagOf(n)!] = [{ '#text': 'MutatedEnumValue' }]; });
        // An unwrapped list may be empty in XML unless minItems >= 1 (zero <Ref/> = `Refs: []`).
        if (site.kind === 'required' && !site.nullable && !(isArray && !ps.xml?.wrapped && !(ps.minItems >= 1))) {
          emit('required', at, `required element ${lookFor} removed${isArray && !ps.xml?.wrapped ? ' (all items)' : ''}`, path, (n) => {
            const list: Node[] = n[tagOf(n)!];
            n[tagOf(n)!] = list.filter((c, i) => (isArray && !ps.xml?.wrapped ? local(tagOf(c) ?? '') !== lookFor : i !== idx));
          });
        }
        if (site.kind === 'type' && !isArray && typed(ps)) emit('type', at, `element ${name} given a value of the wrong type`, [...path, idx], (n) => { n[tagOf(n)!] = [{ '#text': 'not-a-valid-value' }]; });
      }
      // Descend: object properties, wrapped array items (first), unwrapped array items (first).
      if (isArray && ps.xml?.wrapped) {
        const inner: Node[] = child[tagOf(child)!] ?? [];
        const j = inner.findIndex((c) => { const t = tagOf(c); return t !== undefined && local(t) === itemName; });
        if (j >= 0) walk(items, inner[j]!, [...path, idx, j], `${at}/${itemName}`);
      } else {
        walk(isArray ? items : raw, child, [...path, idx], at);
      }
    }
  };
  walk(schema, tree[rootIdx]!, [rootIdx], `/${tagOf(tree[rootIdx]!)}`);
  return [...found.values()];
}
