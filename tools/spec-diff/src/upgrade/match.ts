// Which operation of the old API version is which of the new one. The join key is the operationId
// (our house convention keeps it stable across versions, e.g. m365 `getJob` is GET /Jobs/{id} in v3
// and GET /Jobs/{jobId} in v8). When an id has no partner, the method and the path template decide:
// the same method and the same path with parameter names left out and letter case ignored
// (VB365 matches paths case-insensitively), e.g. `/Jobs/{id}` and `/jobs/{jobId}`.
import type { Operation } from './operations.js';

/** How a pair was matched. */
export type MatchedBy = 'operationId' | 'method+path';

/** An operation both versions describe. */
export interface Pair {
  before: Operation;
  after: Operation;
  by: MatchedBy;
}

/** The result of {@link matchOperations}. */
export interface Matching {
  /** In the new version's document order. */
  pairs: Pair[];
  /** Only in the old version (document order). */
  onlyBefore: Operation[];
  /** Only in the new version (document order). */
  onlyAfter: Operation[];
}

/** `GET /jobs/{}`: the fallback key. */
export function shapeKey(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method.toLowerCase()} ${op.path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '').toLowerCase()}`;
}

/** Pairs the operations of two versions: by operationId first, then by method + path shape. */
export function matchOperations(before: readonly Operation[], after: readonly Operation[]): Matching {
  const taken = new Set<Operation>();
  const partner = new Map<Operation, Pair>();
  const byId = new Map(before.filter((o) => o.operationId !== undefined).map((o) => [o.operationId!, o]));
  for (const a of after) {
    const b = a.operationId !== undefined ? byId.get(a.operationId) : undefined;
    if (b && !taken.has(b)) {
      taken.add(b);
      partner.set(a, { before: b, after: a, by: 'operationId' });
    }
  }
  for (const a of after) {
    if (partner.has(a)) continue;
    const b = before.find((o) => !taken.has(o) && shapeKey(o) === shapeKey(a));
    if (b) {
      taken.add(b);
      partner.set(a, { before: b, after: a, by: 'method+path' });
    }
  }
  return {
    pairs: after.flatMap((a) => (partner.has(a) ? [partner.get(a)!] : [])),
    onlyBefore: before.filter((b) => !taken.has(b)),
    onlyAfter: after.filter((a) => !partner.has(a)),
  };
}
