// JSON mutants of a seed example: the first enum, required and typed site in document order.
import { escapePointer, type Schema } from '@veeam-rest/contract-tests';
import { resolveSchema, sitesOf, types, type MutationKind } from './candidates.js';

/** A mutated copy of a body and what was done to it. */
export interface Mutant { kind: MutationKind; where: string; description: string; body: string }

/** A value of the wrong JSON type for `s`, or undefined when the schema accepts any type. */
function wrongValue(s: Schema): unknown {
  const t = types(s);
  if (t.length === 0) return s.enum ? 12345 : undefined;
  return t.includes('number') || t.includes('integer') ? 'not-a-number' : 12345;
}

/** Builds up to one mutant per kind by walking `value` alongside `schema`. */
export function jsonMutants(doc: unknown, schema: Schema, value: unknown): Mutant[] {
  const found = new Map<MutationKind, Mutant>();
  const walk = (s: Schema | undefined, v: unknown, pointer: string, apply: (f: (root: any) => void) => void) => {
    const rs = resolveSchema(doc, s);
    if (!rs || found.size === 3) return;
    if (Array.isArray(v)) {
      if (v.length > 0) walk(rs.items, v[0], `${pointer}/0`, (f) => apply((root) => f(root)));
      return;
    }
    if (!v || typeof v !== 'object') return;
    for (const prop of Object.keys(rs.properties ?? {})) {
      if (!(prop in (v as object))) continue;
      const at = `${pointer}/${escapePointer(prop)}`;
      const cur = (v as any)[prop];
      for (const site of sitesOf(doc, rs, prop)) {
        if (found.has(site.kind)) continue;
        let body: string | undefined;
        let description = '';
        const clone = structuredClone(value) as any;
        const target = pointer.split('/').slice(1).reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], clone);
        if (!target) continue;
        if (site.kind === 'enum' && typeof cur === 'string') {
          target[prop] = `${cur}Mutated`;
          description = `enum value "${cur}" changed to "${cur}Mutated"`;
        } else if (site.kind === 'required') {
          delete target[prop];
          description = `required property "${prop}" removed`;
        } else if (site.kind === 'type' && cur !== null) {
          const wrong = wrongValue(site.schema);
          if (wrong === undefined) continue;
          target[prop] = wrong;
          description = `"${prop}" given the wrong type (${JSON.stringify(wrong)})`;
        } else continue;
        body = JSON.stringify(clone, null, 2);
        found.set(site.kind, { kind: site.kind, where: at, description, body });
      }
      walk(rs.properties[prop], cur, at, apply);
    }
  };
  walk(schema, value, '', (f) => f(value));
  return [...found.values()];
}
