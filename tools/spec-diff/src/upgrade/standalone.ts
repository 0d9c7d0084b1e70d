// Two API versions have their own components (v3 `JobSession` and v8 `JobSession` are different
// schemas, some renamed), so comparing them component by component would report changes nobody calls.
// Instead each matched operation is copied with every local `$ref` replaced by what it points to, and
// the pairs are put into two small documents under one shared key (the new version's method and path)
// that the spec-diff classifier compares: every change then lands under the operation a user calls.
// Documentation (descriptions, examples, `x-` extensions), tags and servers are left out: they are not
// what a generated client's types or a call see (servers are compared in compare.ts). classify() lines
// up the parameters both sides share (normalize.ts alignOperations).
import { resolveRef, type Doc } from '../normalize.js';
import type { Pair } from './match.js';
import type { Operation } from './operations.js';

/** Keys dropped wherever they are keywords (not member names under `properties`). */
const NOT_CONTRACT = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'title', 'tags', 'servers', 'operationId']);

/** The two documents of a comparison, keyed alike. */
export interface PairedDocs {
  before: Doc;
  after: Doc;
}

/** Builds the paired documents: `paths[after.path][after.method]` holds each side's operation. */
export function pairedDocs(docs: { before: Doc; after: Doc }, pairs: readonly Pair[]): PairedDocs {
  const out: PairedDocs = { before: skeleton(), after: skeleton() };
  for (const pair of pairs) {
    for (const side of ['before', 'after'] as const) {
      const recursive = new Map<string, Doc>();
      const item = (out[side].paths[pair.after.path] ??= {});
      item[pair.after.method] = standaloneOperation(docs[side], pair[side], recursive);
      for (const [name, schema] of recursive) out[side].components.schemas[name] ??= schema;
    }
  }
  return out;
}

function skeleton(): Doc {
  return { openapi: '3.1.0', info: { title: 'upgrade', version: '0' }, paths: {}, components: { schemas: {} } };
}

/**
 * One operation with the path item's parameters folded in (its own win), every local `$ref` inlined
 * and documentation left out. A schema that contains itself (a tree) stays a `$ref` the second time;
 * its component is collected in `recursive`, itself inlined up to its own cycle.
 */
export function standaloneOperation(doc: Doc, op: Operation, recursive: Map<string, Doc>): Doc {
  const own: Doc[] = (op.node.parameters ?? []).map((p: Doc) => resolveRef(doc, p));
  const shared = op.shared.map((p) => resolveRef(doc, p)).filter((s: Doc) => !own.some((o) => o.in === s.in && o.name === s.name));
  const node: Doc = { ...op.node };
  if (own.length + shared.length > 0) node.parameters = [...own, ...shared];
  else delete node.parameters;
  return inline(doc, node, [], recursive) as Doc;
}

function inline(doc: Doc, node: unknown, stack: readonly string[], recursive: Map<string, Doc>, parentKey?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(doc, n, stack, recursive));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Doc;
  if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/')) {
    const { $ref, ...siblings } = obj;
    if (stack.includes($ref)) {
      const name = $ref.split('/').pop()!;
      if (!recursive.has(name) && $ref.startsWith('#/components/schemas/')) {
        recursive.set(name, {}); // placeholder: the component refers to itself
        recursive.set(name, inline(doc, resolveRef(doc, { $ref }), [$ref], recursive) as Doc);
      }
      return { $ref };
    }
    const target = resolveRef(doc, { $ref });
    if (target === obj) return { $ref }; // dangling: keep it visible rather than guess
    return inline(doc, { ...target, ...siblings }, [...stack, $ref], recursive, parentKey);
  }
  const out: Doc = {};
  for (const [k, v] of Object.entries(obj)) {
    const isMemberName = parentKey === 'properties';
    if (!isMemberName && (NOT_CONTRACT.has(k) || k.startsWith('x-'))) continue;
    out[k] = inline(doc, v, stack, recursive, k);
  }
  return out;
}
