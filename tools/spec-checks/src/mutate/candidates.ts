// Schema-guided mutation sites: walk a body alongside its schema and list where an enum value can be
// changed, a required property removed, or a value given the wrong type.
import { resolveLocal, type Schema } from '@veeam-rest/contract-tests';

/** Kind of mutation. */
export type MutationKind = 'enum' | 'required' | 'type';

/** A property of a schema as the walkers see it. */
export interface PropertySite {
  kind: MutationKind;
  /** Property name in the schema. */
  property: string;
  schema: Schema;
  required: boolean;
  nullable: boolean;
}

/** Non-null JSON types a schema allows (`['string']` for `type: [string, "null"]`). */
export function types(s: Schema): string[] {
  const t = s.type;
  const list: string[] = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  return list.filter((x) => x !== 'null');
}

/** Whether `null` is allowed (`type: [T, "null"]`, an enum with null, or `oneOf: [X, {type: "null"}]`). */
export function isNullable(s: Schema): boolean {
  const t = s.type;
  const wrap = s.oneOf ?? s.anyOf;
  return (Array.isArray(t) && t.includes('null')) || (Array.isArray(s.enum) && s.enum.includes(null)) ||
    (Array.isArray(wrap) && wrap.some((m: Schema) => m?.type === 'null'));
}

/** The non-null member of `oneOf: [X, {type: "null"}]` (unresolved), else the schema itself. */
export function nonNull(s: Schema | undefined): Schema | undefined {
  const wrap = s?.oneOf ?? s?.anyOf ?? s?.allOf;
  if (!Array.isArray(wrap)) return s;
  const rest = wrap.filter((m: Schema) => m?.type !== 'null');
  return rest.length === 1 ? rest[0] : s;
}

/** Resolves `$ref`s, single-member wrappers and nullable unions down to the schema of the value. */
export function resolveSchema(doc: unknown, s: Schema | undefined): Schema | undefined {
  let cur = resolveLocal(doc, s);
  for (let i = 0; i < 5 && cur; i++) {
    const inner = nonNull(cur);
    if (inner === cur) break;
    cur = resolveLocal(doc, inner);
  }
  return cur;
}

/** The mutation sites a property offers, by kind. */
export function sitesOf(doc: unknown, parent: Schema, property: string): PropertySite[] {
  const raw = resolveLocal(doc, parent.properties?.[property]) ?? {};
  const schema = resolveSchema(doc, raw) ?? {};
  const required = Array.isArray(parent.required) && parent.required.includes(property);
  const nullable = isNullable(raw) || isNullable(schema);
  const sites: PropertySite[] = [];
  const base = { property, schema, required, nullable };
  if (Array.isArray(schema.enum) && schema.enum.some((v: unknown) => typeof v === 'string')) sites.push({ kind: 'enum', ...base });
  if (required) sites.push({ kind: 'required', ...base });
  sites.push({ kind: 'type', ...base });
  return sites;
}
