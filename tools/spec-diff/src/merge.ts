// Folds the differ's per-node output into readable lines: the values of one enum change become one
// line, and the same change under several media types (EM's application/xml and application/json share
// one schema) becomes one line naming them all.
import type { Diff } from 'api-smart-diff';
import type { Impacts } from './audience.js';
import { enumText, lineOf, type Described } from './describe.js';

/** One classified change as the differ reported it, before folding. */
export interface RawChange extends Described, Impacts {
  action: Diff['action'];
  pointer: string;
  /** For a schema component: the operations that use it (`response of GET /Jobs`). */
  usedBy?: string[];
}

/** A classified, folded change. */
export interface Change extends Impacts {
  /** `GET /JobSessions/{id}`, when inside an operation. */
  operation?: string;
  operationId?: string;
  /** The part of the operation (`response 200`), empty for the operation itself; `schema <Name>` for a component. */
  where: string;
  /** For a schema component: the operations that use it (`response of GET /Jobs`). */
  usedBy?: string[];
  /** Media types the change applies to (bodies only). */
  media: string[];
  /** What happened. */
  what: string;
  /** `where (media): what`, the report line. */
  text: string;
  action: Diff['action'];
  /** JSON pointers of every folded diff in the normalized bundled document. */
  pointers: string[];
}

/** Folds enum values, then media types; keeps the first-seen order. */
export function fold(raw: readonly RawChange[]): Change[] {
  const enums = groupBy(raw, (c) =>
    c.enumItem ? [c.operation, c.where, c.media, c.enumItem.member, c.action, c.enumItem.whole, c.clients, c.contract].join('\u0000') : undefined,
  ).map((group) => {
    const first = group[0]!;
    if (!first.enumItem) return first;
    const values = group.map((c) => c.enumItem!.value);
    return { ...first, what: enumText(first.enumItem.member, first.action as 'add' | 'remove', values, first.enumItem.whole), pointers: group.map((c) => c.pointer) };
  });
  return groupBy(enums, (c) => [c.operation, c.where, c.what, c.clients, c.contract].join('\u0000')).map((group) => {
    const first = group[0]!;
    const media = [...new Set(group.flatMap((c) => (c.media ? [c.media] : [])))];
    const pointers = group.flatMap((c) => ('pointers' in c ? (c.pointers as string[]) : [c.pointer]));
    return {
      ...(first.operation !== undefined ? { operation: first.operation } : {}),
      ...(first.operationId !== undefined ? { operationId: first.operationId } : {}),
      where: first.where,
      ...(first.usedBy ? { usedBy: first.usedBy } : {}),
      media,
      what: first.what,
      text: lineOf(first, media),
      action: first.action,
      pointers,
      clients: first.clients,
      contract: first.contract,
    };
  });
}

/** Groups items by key in first-seen order; items without a key stay alone. */
function groupBy<T>(items: readonly T[], keyOf: (t: T) => string | undefined): T[][] {
  const groups: T[][] = [];
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) { groups.push([item]); continue; }
    const g = byKey.get(key);
    if (g) g.push(item);
    else { const fresh = [item]; byKey.set(key, fresh); groups.push(fresh); }
  }
  return groups;
}
