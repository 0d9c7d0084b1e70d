// Deep comparison of one of our schemas with the vendor's: type, format, nullability, enum set,
// properties, required, additionalProperties, items. Each difference is located where its record goes:
// property-level kinds on the object schema that holds the property (member = the property), enum and
// open/closed kinds on the schema that holds (or lacks) the enum or `additionalProperties`.
import type { Difference } from './deviations.js';
import { describe, viewOf, type SchemaView } from './schema-view.js';
import { locKey, type Located, type Loc, type Sources } from './sources.js';

/** Where a property-level difference is reported: the enclosing object schema and the member path in it. */
export interface Anchor {
  at: Loc;
  /** `name`, `name[]` (its items), `name.*` (its map values); '' for the schema itself. */
  member: string;
}

/** Comparison state of one API: the vendor document's sources, visited object pairs, found differences. */
export class SchemaComparer {
  private readonly visited = new Set<string>();
  readonly differences: Difference[] = [];

  constructor(private readonly ours: Sources, private readonly upstream: Sources) {}

  /**
   * Compares `o` (ours) with `u` (vendor). `trail` names the place for messages
   * (`getJob 200 application/json results[].status`).
   */
  compare(o: Located, u: Located, anchor: Anchor, trail: string): void {
    const ov = viewOf(this.ours, o);
    const uv = viewOf(this.upstream, u);
    const ctx = `${trail} (vendor #${uv.loc.pointer})`;
    const add = (kind: Difference['kind'], at: Loc, member: string | undefined, ours: string, up: string) =>
      this.differences.push({ kind, at, member: member || undefined, ours, upstream: up, context: ctx });

    if (ov.nullable !== uv.nullable) add('nullable', anchor.at, anchor.member, ov.nullable ? 'nullable' : 'not nullable', uv.nullable ? 'nullable' : 'not nullable');
    if (!sameTypes(ov, uv)) {
      add('type', anchor.at, anchor.member, describe(ov), describe(uv));
      return; // members of a value of another type would only repeat this difference
    }
    if ((ov.format ?? '') !== (uv.format ?? '')) add('format', anchor.at, anchor.member, ov.format ?? 'no format', uv.format ?? 'no format');
    this.compareEnums(ov, uv, add);
    if (ov.types.includes('object') || uv.types.includes('object') || ov.properties.size > 0 || uv.properties.size > 0) this.compareObjects(ov, uv, trail, add);
    if (ov.items && uv.items) this.compare(ov.items, uv.items, { at: anchor.at, member: `${anchor.member}[]` }, `${trail}[]`);
  }

  private compareEnums(ov: SchemaView, uv: SchemaView, add: (k: Difference['kind'], at: Loc, m: string | undefined, o: string, u: string) => void): void {
    if (ov.enum && uv.enum) {
      for (const e of ov.enum) if (!uv.enum.includes(e)) add('enum-added', ov.enumLoc ?? ov.loc, e, 'listed', 'not listed');
      for (const e of uv.enum) if (!ov.enum.includes(e)) add('enum-missing', ov.enumLoc ?? ov.loc, e, 'not listed', 'listed');
    } else if (ov.enum) {
      add('closed', ov.enumLoc ?? ov.loc, 'enum', `closed set [${ov.enum.join(', ')}]`, 'no enum (open)');
    } else if (uv.enum) {
      add('closed', ov.loc, 'enum', 'no enum (open)', `closed set [${uv.enum.join(', ')}]`);
    }
  }

  private compareObjects(ov: SchemaView, uv: SchemaView, trail: string, add: (k: Difference['kind'], at: Loc, m: string | undefined, o: string, u: string) => void): void {
    const key = `${locKey(ov.loc)}|${locKey(uv.loc)}`;
    if (this.visited.has(key)) return; // compared once per pair: also the cycle guard
    this.visited.add(key);
    const at = ov.loc;
    const dot = trail.endsWith(' ') || trail === '' ? '' : '.';
    // additionalProperties: only an explicit `false` closes an object; a map schema on both sides is compared.
    const oClosed = ov.additional === 'closed';
    const uClosed = uv.additional === 'closed';
    if (oClosed !== uClosed) add('closed', at, 'additionalProperties', oClosed ? 'closed (additionalProperties: false)' : 'open', uClosed ? 'closed (additionalProperties: false)' : 'open');
    const oMap = typeof ov.additional === 'object' ? ov.additional : undefined;
    const uMap = typeof uv.additional === 'object' ? uv.additional : undefined;
    if (oMap && uMap) this.compare(oMap, uMap, { at, member: '*' }, `${trail}${dot}*`);
    for (const [name, op] of ov.properties) {
      const opv = viewOf(this.ours, op);
      if (opv.writeOnly) continue; // never in a response
      const up = uv.properties.get(name);
      const upv = up ? viewOf(this.upstream, up) : undefined;
      if (!up || upv!.writeOnly) {
        if (uMap) this.compare(op, uMap, { at, member: name }, `${trail}${dot}${name}`);
        else add('member-added', at, name, describe(opv), up ? 'writeOnly (never sent)' : 'absent');
        continue;
      }
      const oReq = ov.required.has(name);
      const uReq = uv.required.has(name);
      if (oReq !== uReq) add('required', at, name, oReq ? 'required' : 'optional', uReq ? 'required' : 'optional');
      this.compare(op, up, { at, member: name }, `${trail}${dot}${name}`);
    }
    for (const [name, up] of uv.properties) {
      if (ov.properties.has(name)) continue;
      const upv = viewOf(this.upstream, up);
      if (upv.writeOnly) continue;
      if (oMap) this.compare(oMap, up, { at, member: name }, `${trail}${dot}${name}`);
      else add('member-missing', at, name, 'absent', describe(upv));
    }
  }
}

function sameTypes(a: SchemaView, b: SchemaView): boolean {
  return a.types.length === b.types.length && a.types.every((t, i) => t === b.types[i]);
}
