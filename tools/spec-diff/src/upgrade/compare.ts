// Compares two API versions of one product for the operations both describe: matches them
// (match.ts), classifies every difference with the spec-diff classifier (api-smart-diff and our
// refinements, classify.ts) on standalone copies of each pair (standalone.ts), and adds what a
// same-document diff cannot see: the URL an operation is sent to, its method, and path parameters
// that were renamed rather than removed and added.
import { classify, type Change } from '../classify.js';
import type { Impact } from '../audience.js';
import type { Doc } from '../normalize.js';
import { matchOperations, type Pair } from './match.js';
import { clientLabel, listOperations, wireLabel, type Operation } from './operations.js';
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
    servers: { before: serverOf(ops.before, before), after: serverOf(ops.after, after) },
  };
}

function serverOf(ops: readonly Operation[], doc: Doc): string {
  return ops.find((o) => !o.ownServer)?.serverPath ?? listOperations({ servers: doc.servers, paths: { '/': { get: {} } } })[0]!.serverPath;
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

/**
 * A parameter removed and another added in the same place whose names differ only in letter case,
 * or the only path parameter removed and the only one added: one rename (a client passes it under the
 * new name; the URL it builds is the same for a path parameter).
 */
function renames(changes: OperationChange[]): OperationChange[] {
  const removed = (c: OperationChange) => (c.change === 'removed' ? /^(path|query|header|cookie) parameter `([^`]+)`$/.exec(c.part) : null);
  const added = (c: OperationChange) => {
    const m = /^added \((required|optional)\)$/.exec(c.change);
    const p = m && /^(path|query|header|cookie) parameter `([^`]+)`$/.exec(c.part);
    return m && p ? ([p[0], p[1], p[2], m[1]] as unknown as RegExpExecArray) : null;
  };
  const out = [...changes];
  const pairUp = (test: (r: RegExpExecArray, a: RegExpExecArray) => boolean, only: boolean) => {
    const rs = out.filter((c) => removed(c));
    const as = out.filter((c) => added(c));
    for (const r of rs) {
      const rm = removed(r)!;
      const candidates = as.filter((a) => out.includes(a) && added(a)![1] === rm[1] && test(rm, added(a)!));
      const sameIn = as.filter((a) => out.includes(a) && added(a)![1] === rm[1]);
      const sameInRemoved = rs.filter((x) => out.includes(x) && removed(x)![1] === rm[1]);
      if (candidates.length !== 1 || (only && (sameIn.length !== 1 || sameInRemoved.length !== 1))) continue;
      const a = candidates[0]!;
      const am = added(a)!;
      out.splice(out.indexOf(a), 1);
      out[out.indexOf(r)] = {
        kind: 'parameter',
        part: `${rm[1]} parameter \`${rm[2]}\``,
        change: `renamed to \`${am[2]}\`${am[3] === 'required' && rm[1] !== 'path' ? ' (required)' : ''}`,
        clients: 'breaking',
      };
    }
  };
  pairUp((r, a) => r[2]!.toLowerCase() === a[2]!.toLowerCase(), false);
  pairUp((r) => r[1] === 'path', true);
  return out;
}
