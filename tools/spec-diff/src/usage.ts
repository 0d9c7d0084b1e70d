// Which operations use each schema component, and on which side: a response schema is read by
// clients and validated by the contract checks, a request schema (body or parameter) is written by
// clients. A change inside a component is classified once, for the sides that use it.
import { HTTP_METHODS } from './location.js';
import type { Doc } from './normalize.js';

/** The operations (`GET /Jobs/{id}`) that reach a component from a response or a request. */
export interface Usage {
  response: Set<string>;
  request: Set<string>;
}

/** The prefix of a local schema component reference. */
export const SCHEMA_REF = '#/components/schemas/';

/** The component a `$ref` names, when it is a local schema component (`#/components/schemas/X`). */
export function schemaRefName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(SCHEMA_REF) && !ref.slice(SCHEMA_REF.length).includes('/')
    ? decodeURIComponent(ref.slice(SCHEMA_REF.length)).replace(/~1/g, '/').replace(/~0/g, '~')
    : undefined;
}

/** Usage of every schema component reachable from an operation of a normalized document. */
export function schemaUsage(doc: Doc): Map<string, Usage> {
  const usage = new Map<string, Usage>();
  const schemas: Doc = doc.components?.schemas ?? {};
  const mark = (node: unknown, side: keyof Usage, op: string, seen: Set<string>): void => {
    if (Array.isArray(node)) { for (const n of node) mark(n, side, op, seen); return; }
    if (!node || typeof node !== 'object') return;
    const name = schemaRefName((node as Doc).$ref);
    if (name !== undefined) {
      if (seen.has(name)) return;
      seen.add(name);
      const u = usage.get(name) ?? { response: new Set<string>(), request: new Set<string>() };
      u[side].add(op);
      usage.set(name, u);
      mark(schemas[name], side, op, seen);
    }
    // Examples are data, not schemas: a `$ref`-looking key inside one names nothing.
    for (const [k, v] of Object.entries(node as Doc)) if (k !== 'example' && k !== 'examples') mark(v, side, op, seen);
  };
  for (const [p, item] of Object.entries<Doc>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Doc>(item)) {
      if (!HTTP_METHODS.has(method) || !op || typeof op !== 'object') continue;
      const label = `${method.toUpperCase()} ${p}`;
      mark(op.parameters, 'request', label, new Set());
      mark(resolveLocal(doc, op.requestBody)?.content, 'request', label, new Set());
      for (const response of Object.values<Doc>(op.responses ?? {})) {
        const r = resolveLocal(doc, response);
        mark(r?.content, 'response', label, new Set());
        mark(r?.headers, 'response', label, new Set());
      }
    }
  }
  return usage;
}

/** Follows a local non-schema `$ref` (`#/components/responses/X`, `#/components/requestBodies/X`). */
function resolveLocal(doc: Doc, node: unknown): Doc | undefined {
  let n = node as Doc | undefined;
  for (let i = 0; i < 8 && n && typeof n.$ref === 'string' && n.$ref.startsWith('#/'); i++) {
    n = n.$ref.slice(2).split('/').reduce<any>((o, k) => o?.[decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return n;
}
