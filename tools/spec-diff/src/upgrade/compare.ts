// Compares two API versions of one product for the operations both describe: matches them
// (match.ts), classifies every difference with the spec-diff classifier (api-smart-diff and our
// refinements, classify.ts) on standalone copies of each pair (standalone.ts), and adds what a
// same-document diff cannot see: the URL an operation is sent to, its method, and path parameters
// that were renamed rather than removed and added.
import { classify, type Change } from '../classify.js';
import type { Impact } from '../audience.js';
import type { Doc } from '../normalize.js';
import { matchOperations, type Pair } from './match.js';
import { clientLabel, listOperations, serverPath, wireLabel, type Operation } from './operations.js';
import { pairedDocs } from './standalone.js';

/** What kind of difference a change is: the sections of an operation in the guide. */
export type Kind = 'url' | 'operation' | 'parameter' | 'request' | 'status' | 'response' | 'enum';

/** One difference of a matched operation, rated for users of the generated clients. */
export interface OperationChange {
  kind: Kind;
  /** Where in the operation: `query parameter \`limit\``, `response 200 (application/json)`; empty for the operation itself. */
  part: string;
  /** What changed, one line of Markdown (code spans for names). */
  change: string;
  clients: Impact;
}

/** A matched operation and its differences. */
export interface OperationDiff extends Pair {
  changes: OperationChange[];
}

/** The comparison of two versions of one product. */
export interface VersionDiff {
  operations: OperationDiff[];
  onlyBefore: Operation[];
  onlyAfter: Operation[];
  /** The document servers' paths (`/v3` -> `/v8`). */
  servers: { before: string; after: string };
}

/** Compares the operations two bundled documents (old, new) both describe. */
export function compareVersions(before: Doc, after: Doc): VersionDiff {
  const ops = { before: listOperations(before), after: listOperations(after) };
  const matching = matchOperations(ops.before, ops.after);
  const paired = pairedDocs({ before, after }, matching.pairs);
  const changes = classify(paired.before, paired.after);
  const operations = matching.pairs.map((pair) => {
    const key = clientLabel(pair.after);
    const own = changes.filter((c) => c.operation === key || c.usedBy?.some((u) => u.endsWith(` of ${key}`)));
    return { ...pair, changes: [...wireChanges(pair), ...renames(own.map(toOperationChange).filter((c): c is OperationChange => c !== undefined))] };
  });
  return {
    operations,
    onlyBefore: matching.onlyBefore,
    onlyAfter: matching.onlyAfter,
    servers: { before: serverPath(before.servers) ?? '', after: serverPath(after.servers) ?? '' },
  };
}

/**
 * Method and URL. A new version segment of the base URL (`/v3` -> `/v8`) is what switching the client
 * does: not listed per operation. A path template or an own server that differs is.
 */
function wireChanges(pair: Pair): OperationChange[] {
  const out: OperationChange[] = [];
  const { before: b, after: a } = pair;
  if (b.method !== a.method) out.push({ kind: 'url', part: 'method', change: `: \`${b.method.toUpperCase()}\` -> \`${a.method.toUpperCase()}\``, clients: 'breaking' });
  if (b.path !== a.path) {
    const onlyNames = b.path.replace(/\{[^}]*\}/g, '{}') === a.path.replace(/\{[^}]*\}/g, '{}');
    out.push({
      kind: 'url',
      part: 'path',
      change: onlyNames
        ? `path template \`${b.path}\` -> \`${a.path}\` (only parameter names differ; the URL sent is the same)`
        : `path \`${b.path}\` -> \`${a.path}\``,
      // The generated `paths` type is keyed by the template: calls written against the old key stop compiling.
      clients: 'breaking',
    });
  }
  if (b.ownServer || a.ownServer) {
    out.push(
      b.serverPath === a.serverPath && b.ownServer === a.ownServer
        ? { kind: 'url', part: 'server', change: `own server kept: \`${wireLabel(a)}\` in both versions (outside the versioned base URL)`, clients: 'non-breaking' }
        : { kind: 'url', part: 'server', change: `\`${wireLabel(b)}\` -> \`${wireLabel(a)}\``, clients: 'breaking' },
    );
  }
  return out;
}

/** A classifier change in guide terms; documentation-only changes are dropped. */
function toOperationChange(c: Change): OperationChange | undefined {
  if (c.clients === 'annotation' && c.contract === 'annotation') return undefined;
  const kind = kindOf(c);
  const change = nullText(c.what);
  // The generated response type loses the member: code that reads it stops compiling, even when the
  // member was optional (the gate rates that non-breaking: a server could always leave it out).
  const clients = kind === 'response' && /^member `[^`]+` removed$/.test(c.what) ? 'breaking' : c.clients;
  const part = c.where + (c.media.length ? ` (${c.media.join(', ')})` : '');
  return { kind, part, change, clients };
}

function kindOf(c: Change): Kind {
  if (c.pointers.some((p) => /\/enum\/\d+$/.test(p))) return 'enum';
  if (/^(path|query|header|cookie) parameter /.test(c.where)) return 'parameter';
  if (c.where === 'request body') return 'request';
  if (c.where.startsWith('response ')) return c.what === 'added' || c.what === 'removed' ? 'status' : 'response';
  if (c.usedBy) return c.usedBy.every((u) => u.startsWith('request of ')) ? 'request' : 'response';
  return 'operation';
}

/** The classifier's words, with `null` moves said as such. */
function nullText(what: string): string {
  return what.replace(/type of `([^`]+)` changed: (.+) -> (.+)$/, (all, member: string, from: string, to: string) => {
    const b = types(from);
    const a = types(to);
    if (!b || !a) return all;
    const same = (x: string[], y: string[]) => x.length === y.length && x.every((t) => y.includes(t));
    const strip = (x: string[]) => x.filter((t) => t !== 'null');
    if (!same(strip(b), strip(a))) return all;
    return a.includes('null') && !b.includes('null') ? `\`${member}\` became nullable (${from} -> ${to})` : `\`${member}\` no longer nullable (${from} -> ${to})`;
  });
}

function types(json: string): string[] | undefined {
  try {
    const v = JSON.parse(json);
    if (typeof v === 'string') return [v];
    return Array.isArray(v) && v.every((t) => typeof t === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A parameter removed or added, read back from a change's words. */
interface ParameterEvent {
  change: OperationChange;
  in: string;
  name: string;
  required: boolean;
}

function parameterEvents(changes: readonly OperationChange[], action: 'removed' | 'added'): ParameterEvent[] {
  return changes.flatMap((change) => {
    const part = /^(path|query|header|cookie) parameter `([^`]+)`$/.exec(change.part);
    const what = action === 'removed' ? /^removed$/.exec(change.change) : /^added \((required|optional)\)$/.exec(change.change);
    return part && what ? [{ change, in: part[1]!, name: part[2]!, required: what[1] === 'required' }] : [];
  });
}

/**
 * One rename instead of a removed and an added parameter: when their names differ only in letter case
 * (same location), or when they are the only path parameter removed and the only one added (the URL a
 * client builds is the same; the name it passes in `params.path` is not).
 */
function renames(changes: readonly OperationChange[]): OperationChange[] {
  let out = [...changes];
  const merge = (r: ParameterEvent, a: ParameterEvent) => {
    const renamed: OperationChange = {
      kind: 'parameter',
      part: `${r.in} parameter \`${r.name}\``,
      change: `renamed to \`${a.name}\`${a.required && r.in !== 'path' ? ' (required)' : ''}`,
      clients: 'breaking',
    };
    out = out.filter((c) => c !== a.change).map((c) => (c === r.change ? renamed : c));
  };
  for (const r of parameterEvents(out, 'removed')) {
    const same = parameterEvents(out, 'added').filter((a) => a.in === r.in && a.name.toLowerCase() === r.name.toLowerCase());
    if (same.length === 1) merge(r, same[0]!);
  }
  const removedPath = parameterEvents(out, 'removed').filter((e) => e.in === 'path');
  const addedPath = parameterEvents(out, 'added').filter((e) => e.in === 'path');
  if (removedPath.length === 1 && addedPath.length === 1) merge(removedPath[0]!, addedPath[0]!);
  return out;
}
