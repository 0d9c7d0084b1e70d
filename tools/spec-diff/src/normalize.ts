// Puts a bundled document in the shape the differ compares (and alignOperations lines up two of them):
// - path-level parameters are merged into each operation (the operation's own win, as OpenAPI says)
//   and parameter $refs are resolved. api-smart-diff merges path-level parameters the same way
//   internally; doing it first makes its `parameters/<i>` indexes point into our copy.
// - a `$ref` with sibling keywords (OpenAPI 3.1 allows `{$ref, description, xml}`, which our EM spec
//   uses for every attribute) becomes the referenced schema with the siblings laid over it.
//   api-smart-diff turns such a node into an allOf it cannot merge when a sibling is `xml`, and then
//   rates a `type: string` -> enum change as "unclassified" instead of seeing the enum.

export type Doc = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A copy of `doc` with path-level parameters folded into operations and parameter refs resolved. */
export function normalizeDoc(doc: Doc): Doc {
  const copy: Doc = structuredClone(doc);
  inlineSiblingRefs(copy);
  for (const item of Object.values<Doc>(copy.paths ?? {})) {
    const shared: Doc[] = (item.parameters ?? []).map((p: Doc) => resolveRef(copy, p));
    delete item.parameters;
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object') continue;
      const own: Doc[] = (op.parameters ?? []).map((p: Doc) => resolveRef(copy, p));
      const inherited = shared.filter((s) => !own.some((o) => o.in === s.in && o.name === s.name));
      if (own.length + inherited.length > 0) op.parameters = [...own, ...inherited];
    }
  }
  return copy;
}

/**
 * For every operation both documents have: the parameters both have first, in the same order, then
 * each side's own (both get a list when either has one). The classifier reads a changed parameter at
 * the differ's index in both documents; with the shared ones at the same index, a parameter removed in
 * front of another does not make it compare one parameter's old schema with another's new one, and a
 * first parameter is reported by name rather than as a new `parameters` list.
 */
export function alignOperations(before: Doc, after: Doc): void {
  for (const [p, item] of Object.entries<Doc>(after.paths ?? {})) {
    for (const method of METHODS) {
      const a = item?.[method];
      const b = before.paths?.[p]?.[method];
      if (a && b && typeof a === 'object' && typeof b === 'object') alignParameters(b, a);
    }
  }
}

/** {@link alignOperations} for one operation of each side (objects with `parameters` lists). */
export function alignParameters(before: Doc, after: Doc): void {
  const key = (p: Doc) => `${p.in}\u0000${p.name}`;
  const b: Doc[] = before.parameters ?? [];
  const a: Doc[] = after.parameters ?? [];
  if (b.length + a.length === 0) return;
  const inB = new Map(b.map((p) => [key(p), p]));
  const inA = new Set(a.map(key));
  const shared = a.filter((p) => inB.has(key(p)));
  before.parameters = [...shared.map((p) => inB.get(key(p))!), ...b.filter((p) => !inA.has(key(p)))];
  after.parameters = [...shared, ...a.filter((p) => !inB.has(key(p)))];
}

/** Most passes over the document: a sibling-$ref may bring in more; a cycle of them stops here. */
const MAX_INLINE_PASSES = 16;

function inlineSiblingRefs(doc: Doc): void {
  for (let pass = 0; pass < MAX_INLINE_PASSES; pass++) {
    let replaced = 0;
    const visit = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(visit);
      if (!node || typeof node !== 'object') return node;
      const obj = node as Doc;
      if (typeof obj.$ref === 'string' && Object.keys(obj).length > 1) {
        const { $ref, ...siblings } = obj;
        const target = resolveRef(doc, { $ref });
        if (target && typeof target === 'object' && !('$ref' in target && Object.keys(target).length === 1)) {
          replaced++;
          return { ...structuredClone(target), ...siblings };
        }
      }
      for (const k of Object.keys(obj)) obj[k] = visit(obj[k]);
      return obj;
    };
    visit(doc);
    if (replaced === 0) return;
  }
}

/** Follows a local `$ref` (`#/components/...`), repeatedly; other nodes are returned as they are. */
export function resolveRef(doc: Doc, node: unknown, seen = new Set<string>()): any {
  if (!node || typeof node !== 'object' || typeof (node as Doc).$ref !== 'string') return node;
  const ref: string = (node as Doc).$ref;
  if (!ref.startsWith('#/') || seen.has(ref)) return node;
  seen.add(ref);
  let target: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = target?.[key];
    if (target === undefined) return node;
  }
  return resolveRef(doc, target, seen);
}

/** The node at `path`, following $refs on the way (as the differ does); undefined when absent. */
export function nodeAt(doc: Doc, path: readonly (string | number)[]): any {
  let node: any = doc;
  for (const key of path) {
    node = resolveRef(doc, node);
    if (!node || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return resolveRef(doc, node);
}
