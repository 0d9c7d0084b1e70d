// Method + URL -> documented operation. Server base paths are stripped, literal segments compare
// case-insensitively where the spec root says so (VB365 links use other letter case than its docs),
// and query selectors (x-veeam-representations, EM `?format=Entity`) pick the representation.
import { trimSlashes, type IndexedOperation, type Segment, type SpecIndex } from './spec/index.js';

/** A matched operation. */
export interface OperationMatch {
  operation: IndexedOperation;
  /** Path parameters by name. */
  params: Record<string, string>;
  /** Query parameters (first value of each). */
  query: Record<string, string>;
  /** Component schema name the query selects (x-veeam-representations), if the operation has any. */
  representation?: string;
}

/** Splits a URL or path into path segments relative to the server base path, and its query. */
export function splitUrl(url: string, basePaths: readonly string[]): { segments: string[]; query: URLSearchParams } {
  let rest = url.trim();
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest);
  if (abs) rest = rest.slice(abs[0].length);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : '');
  let p = trimSlashes(q >= 0 ? rest.slice(0, q) : rest);
  for (const base of basePaths) {
    // Base paths compare case-insensitively: servers answer `/API/` as well, and it never selects
    // between operations.
    if (p.toLowerCase() === base.toLowerCase()) { p = ''; break; }
    if (p.toLowerCase().startsWith(base.toLowerCase() + '/')) { p = p.slice(base.length + 1); break; }
  }
  const segments = p === '' ? [] : p.split('/').map(safeDecode);
  return { segments, query };
}

/**
 * Matches path segments against a template. Returns the path parameters, or undefined.
 * A parameter matches one non-empty segment; literals compare exactly unless `caseInsensitive`.
 */
export function matchSegments(template: readonly Segment[], segments: readonly string[], caseInsensitive: boolean): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const s = segments[i]!;
    if ('param' in t) {
      if (s === '') return undefined;
      params[t.param] = s;
    } else if (caseInsensitive ? t.literal.toLowerCase() !== s.toLowerCase() : t.literal !== s) {
      return undefined;
    }
  }
  return params;
}

/** Number of literal segments: a template with more literals is more specific (`/jobs/count` over `/jobs/{id}`). */
function specificity(op: IndexedOperation): number {
  return op.segments.filter((s) => 'literal' in s).length;
}

/**
 * Finds the operation for `method` + `url` in one product's index.
 * @example matchOperation(index, 'GET', 'https://em:9398/api/backupSessions/1?format=Entity')
 */
export function matchOperation(index: SpecIndex, method: string, url: string): OperationMatch | undefined {
  const { segments, query } = splitUrl(url, index.basePaths);
  const m = method.toUpperCase();
  const candidates = index.operations
    .filter((op) => op.method === m)
    .map((op) => ({ op, params: matchSegments(op.segments, segments, index.caseInsensitivePaths) }))
    .filter((c): c is { op: IndexedOperation; params: Record<string, string> } => c.params !== undefined)
    .sort((a, b) => specificity(b.op) - specificity(a.op));
  const best = candidates[0];
  if (!best) return undefined;
  const q: Record<string, string> = {};
  for (const [k, v] of query) if (!(k in q)) q[k] = v;
  return { operation: best.op, params: best.params, query: q, representation: pickRepresentation(best.op, query) };
}

/** Applies x-veeam-representations: the query value (case-insensitive) selects a schema, else `default`. */
export function pickRepresentation(op: IndexedOperation, query: URLSearchParams): string | undefined {
  const rep = op.representations;
  if (!rep) return undefined;
  let value: string | null = null;
  for (const [k, v] of query) if (k.toLowerCase() === rep.parameter.toLowerCase()) { value = v; break; }
  if (value === null) return rep.default;
  const hit = Object.entries(rep.values ?? {}).find(([k]) => k.toLowerCase() === value!.toLowerCase());
  return hit ? hit[1] : rep.default;
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
