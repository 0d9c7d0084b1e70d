// One normal form for a schema of either dialect, so OpenAPI 3.1 (ours: `type: [T, 'null']`,
// `oneOf: [X, {type: 'null'}]`) and 3.0 (the vendor's: `nullable: true`) compare member by member.
import type { Located, Loc, Sources } from './sources.js';

/** What the conformance check compares of one schema. */
export interface SchemaView {
  /** The node after `$ref`s: where a deviation record about this schema goes. */
  loc: Loc;
  /** Non-null JSON types, sorted; empty when the schema says nothing about the type. */
  types: string[];
  nullable: boolean;
  format?: string;
  /** Non-null enum (or const) values as text, when the schema closes the set. */
  enum?: string[];
  /** Where the enum is written (a composition can take it from a member). */
  enumLoc?: Loc;
  /** Properties by name (unresolved nodes: their own `nullable` siblings count). */
  properties: Map<string, Located>;
  required: Set<string>;
  /** `additionalProperties`: absent (not said), false (closed), or the schema of the map's values. */
  additional: 'unsaid' | 'closed' | 'open' | Located;
  items?: Located;
  readOnly: boolean;
  writeOnly: boolean;
}

const NULL_TYPE = (v: unknown) => v && typeof v === 'object' && !('$ref' in v) && ((v as any).type === 'null' || (Array.isArray((v as any).type) && (v as any).type.length === 1 && (v as any).type[0] === 'null'));

/** Builds the view of a schema node (following `$ref`, merging `allOf`, folding `oneOf`/`anyOf`). */
export function viewOf(src: Sources, node: Located, depth = 0): SchemaView {
  const r = src.resolve(node);
  const s = r.value && typeof r.value === 'object' ? r.value : {};
  const raw = node.value && typeof node.value === 'object' ? node.value : {};
  const v: SchemaView = {
    loc: r.loc,
    types: [],
    nullable: raw.nullable === true || s.nullable === true,
    properties: new Map(),
    required: new Set(Array.isArray(s.required) ? s.required.map(String) : []),
    additional: 'unsaid',
    readOnly: raw.readOnly === true || s.readOnly === true,
    writeOnly: raw.writeOnly === true || s.writeOnly === true,
  };
  const typeList: unknown[] = Array.isArray(s.type) ? s.type : s.type !== undefined ? [s.type] : [];
  if (Array.isArray(raw.type) && raw.type.includes('null')) v.nullable = true;
  if (typeList.includes('null')) v.nullable = true;
  const types = new Set(typeList.filter((t) => t !== 'null').map(String));
  if (Array.isArray(s.enum) || 'const' in s) {
    const values: unknown[] = Array.isArray(s.enum) ? s.enum : [s.const];
    if (values.includes(null)) v.nullable = true;
    v.enum = values.filter((x) => x !== null).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    v.enumLoc = r.loc;
    if (types.size === 0) for (const x of values) if (x !== null) types.add(Array.isArray(x) ? 'array' : Number.isInteger(x) ? 'integer' : typeof x);
  }
  if (typeof s.format === 'string') v.format = s.format;
  const props = src.child(r, 'properties');
  if (props && typeof props.value === 'object') for (const k of Object.keys(props.value)) v.properties.set(k, src.child(props, k)!);
  const add = src.child(r, 'additionalProperties');
  if (add) v.additional = add.value === false ? 'closed' : add.value === true ? 'open' : add;
  const items = src.child(r, 'items');
  if (items) v.items = items;
  if (depth < 32) {
    // allOf: every member applies, so properties and required add up.
    const all = src.child(r, 'allOf');
    if (Array.isArray(all?.value)) for (let i = 0; i < all!.value.length; i++) merge(v, viewOf(src, src.child(all, i)!, depth + 1), 'all');
    // oneOf/anyOf: a `{type: 'null'}` member makes the schema nullable; one other member is the schema;
    // several are folded into one view (any member's properties may appear, required only if all require it).
    for (const kw of ['oneOf', 'anyOf']) {
      const list = src.child(r, kw);
      if (!Array.isArray(list?.value)) continue;
      const members = list!.value.map((_: unknown, i: number) => src.child(list, i)!);
      if (members.some((m: Located) => NULL_TYPE(m.value))) v.nullable = true;
      const rest = members.filter((m: Located) => !NULL_TYPE(m.value)).map((m: Located) => viewOf(src, m, depth + 1));
      if (rest.length === 0) continue;
      const common = rest.slice(1).reduce((acc: Set<string>, m: SchemaView) => new Set([...acc].filter((x) => m.required.has(x))), new Set(rest[0]!.required));
      for (const m of rest) merge(v, { ...m, required: common }, rest.length === 1 ? 'all' : 'any');
    }
  }
  if (types.size === 0) {
    if (v.properties.size > 0 || v.additional !== 'unsaid') types.add('object');
    else if (v.items) types.add('array');
  }
  for (const t of v.types) types.add(t);
  v.types = [...types].sort();
  return v;
}

/** Adds member view `m` into `v`: `all` (every member applies) or `any` (alternatives; `m.required` already holds only what every alternative requires). */
function merge(v: SchemaView, m: SchemaView, how: 'all' | 'any'): void {
  for (const [k, p] of m.properties) if (!v.properties.has(k)) v.properties.set(k, p);
  for (const r of m.required) v.required.add(r);
  if (m.nullable && how === 'any') v.nullable = true;
  if (how === 'all' && m.nullable && v.types.length === 0) v.nullable = true;
  v.types = [...new Set([...v.types, ...m.types])].sort();
  v.format ??= m.format;
  if (m.enum) {
    v.enum = how === 'all' && v.enum ? v.enum.filter((e) => m.enum!.includes(e)) : [...new Set([...(v.enum ?? []), ...m.enum])];
    v.enumLoc ??= m.enumLoc;
  }
  if (v.additional === 'unsaid') v.additional = m.additional;
  v.items ??= m.items;
}

/** Short text of a view for messages: `string/uuid`, `integer/int64 | null`, `object`, `array`. */
export function describe(v: SchemaView): string {
  const base = v.types.length === 0 ? 'any' : v.types.join('|');
  const f = v.format ? `/${v.format}` : '';
  const e = v.enum ? ` enum(${v.enum.length})` : '';
  return `${base}${f}${e}${v.nullable ? ' | null' : ''}`;
}
