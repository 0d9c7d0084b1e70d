// Operation-level comparison with the vendor document: finding the vendor operation (method + full
// path, path parameter names ignored), parameters, response status codes and media types; response
// schemas go to the SchemaComparer.
import type { SchemaComparer } from './compare-schema.js';
import type { Difference } from './deviations.js';
import { describe, viewOf } from './schema-view.js';
import type { Located, Loc, Sources } from './sources.js';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** An operation with its path item (for path-level parameters). */
export interface OperationRef {
  method: (typeof METHODS)[number];
  /** Path template as written in the document (`/JobSessions/{id}`). */
  path: string;
  op: Located;
  item: Located;
  /**
   * Base paths of the servers the operation is served at: its own `servers`, else its path item's,
   * else the document's (OpenAPI's override order); `['']` when none names a path.
   */
  bases: string[];
}

/** Path part of a server URL (`https://{host}:4443/v8` -> `/v8`), without a trailing slash. */
export function serverBasePath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url);
  return (m ? (m[1] ?? '') : url).replace(/\/+$/, '');
}

/** `/v8/Jobs/{jobId}` -> `/v8/jobs/{}` (path parameter names never matter; case only when told). */
export function normalizePath(full: string, caseInsensitive: boolean): string {
  const p = '/' + full.split('/').filter(Boolean).map((s) => (/^\{[^}]*\}$/.test(s) ? '{}' : s)).join('/');
  return caseInsensitive ? p.toLowerCase() : p;
}

/** Base paths of a `servers` list, or undefined when the list is absent or empty (no override). */
function basesOf(servers: unknown): string[] | undefined {
  if (!Array.isArray(servers) || servers.length === 0) return undefined;
  return [...new Set(servers.map((s) => serverBasePath(String((s as { url?: unknown } | null)?.url ?? ''))))];
}

/**
 * Every operation of a document's `paths` (path items followed through `$ref`), with the base paths of
 * the servers that serve it: a path- or operation-level `servers` override (VB for Azure's unversioned
 * `/api/oauth2/token` outside `/api/v8.1`) replaces the document's servers, so the full path compared
 * with the other document is the one a client calls.
 */
export function operationsOf(src: Sources, root: Located): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = src.child(root, 'paths');
  const rootBases = basesOf(root.value?.servers) ?? [''];
  for (const p of Object.keys(paths?.value ?? {})) {
    const item = src.resolve(src.child(paths, p)!);
    const itemBases = basesOf(item.value?.servers) ?? rootBases;
    for (const method of METHODS) {
      const op = src.child(item, method);
      if (op) out.push({ method, path: p, op, item, bases: basesOf(op.value?.servers) ?? itemBases });
    }
  }
  return out;
}

/** Compares the parameters, statuses and responses of one operation pair. */
export class OperationComparer {
  constructor(
    private readonly ours: Sources,
    private readonly upstream: Sources,
    private readonly schemas: SchemaComparer,
    private readonly differences: Difference[],
  ) {}

  compare(o: OperationRef, u: OperationRef, label: string): void {
    this.compareParameters(o, u, label);
    this.compareResponses(o, u, label);
  }

  private add(kind: Difference['kind'], at: Loc, member: string | undefined, ours: string, upstream: string, context: string): void {
    this.differences.push({ kind, at, member, ours, upstream, context });
  }

  private params(src: Sources, r: OperationRef): Map<string, Located> {
    const out = new Map<string, Located>();
    for (const holder of [r.item, r.op]) {
      const list = src.child(holder, 'parameters');
      if (!Array.isArray(list?.value)) continue;
      for (let i = 0; i < list!.value.length; i++) {
        const p = src.resolve(src.child(list, i)!);
        out.set(`${p.value?.in} ${p.value?.name}`, p); // operation-level ones override path-level ones
      }
    }
    return out;
  }

  private compareParameters(o: OperationRef, u: OperationRef, label: string): void {
    const ours = this.params(this.ours, o);
    const theirs = this.params(this.upstream, u);
    // Path parameters pair up by position in the template, whatever their names.
    const oNames = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const uNames = [...u.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const rename = new Map(oNames.map((n, i) => [`path ${n}`, `path ${uNames[i] ?? n}`]));
    const paired = new Set<string>();
    for (const [key, op] of ours) {
      const name = String(op.value?.name);
      const upKey = rename.get(key) ?? key;
      const up = theirs.get(upKey);
      if (!up) {
        this.add('parameter', op.loc, name, `${op.value?.in} parameter`, 'absent', `${label} parameter ${name}`);
        continue;
      }
      paired.add(upKey);
      const ctx = `${label} parameter ${name}`;
      const oReq = op.value?.required === true;
      const uReq = up.value?.required === true;
      if (oReq !== uReq) this.add('required', op.loc, name, oReq ? 'required' : 'optional', uReq ? 'required' : 'optional', ctx);
      const os = this.ours.child(op, 'schema');
      const us = this.upstream.child(up, 'schema');
      if (os && us) this.schemas.compare(os, us, { at: op.loc, member: name }, ctx);
    }
    for (const [key, up] of theirs) {
      if (paired.has(key)) continue;
      const name = String(up.value?.name);
      this.add('parameter', o.op.loc, name, 'absent', `${up.value?.in} parameter`, `${label} (vendor #${up.loc.pointer})`);
    }
  }

  private responses(src: Sources, r: OperationRef): Map<string, Located> {
    const out = new Map<string, Located>();
    const rs = src.child(r.op, 'responses');
    for (const s of Object.keys(rs?.value ?? {})) out.set(s.toUpperCase() === 'DEFAULT' ? 'default' : s.toUpperCase(), src.resolve(src.child(rs, s)!));
    return out;
  }

  private compareResponses(o: OperationRef, u: OperationRef, label: string): void {
    const ours = this.responses(this.ours, o);
    const theirs = this.responses(this.upstream, u);
    const pairs: [string, string][] = [];
    // A status of ours is documented upstream exactly, by a range (`4XX`) or, for a non-2xx status,
    // by `default` (VB365 and VB for Azure use `default` for "operation failure" only).
    for (const s of ours.keys()) {
      const match = theirs.has(s) ? s : theirs.has(`${s[0]}XX`) ? `${s[0]}XX` : theirs.has('default') && s !== 'default' && !s.startsWith('2') ? 'default' : undefined;
      if (match) pairs.push([s, match]);
      else this.add('status', o.op.loc, s, 'documented', 'absent', label);
    }
    for (const s of theirs.keys()) {
      if (pairs.some(([, m]) => m === s)) continue;
      // The vendor's `default` is answered by any error status of ours it does not list itself.
      const covered = s === 'default' ? ours.has('default') : ours.has(s) || ours.has(`${s[0]}XX`) || (ours.has('default') && !s.startsWith('2'));
      if (covered) pairs.push([ours.has(s) ? s : ours.has(`${s[0]}XX`) ? `${s[0]}XX` : 'default', s]);
      else this.add('status', o.op.loc, s, 'absent', 'documented', label);
    }
    for (const [os, us] of pairs) this.compareContent(o, ours.get(os)!, theirs.get(us)!, os, us, label);
  }

  private compareContent(o: OperationRef, or: Located, ur: Located, os: string, us: string, label: string): void {
    const media = (src: Sources, r: Located) => {
      const c = src.child(r, 'content');
      return new Map(Object.keys(c?.value ?? {}).map((k) => [k.split(';')[0]!.trim().toLowerCase(), src.child(c, k)!] as const));
    };
    const om = media(this.ours, or);
    const um = media(this.upstream, ur);
    const matched = new Set<string>();
    for (const [mt, oMedia] of om) {
      const hit = um.has(mt) ? mt : [...um.keys()].find((k) => covers(k, mt));
      if (!hit) {
        this.add('media-type', o.op.loc, `${os} ${mt}`, 'documented', `absent (vendor: ${[...um.keys()].join(', ') || 'no body'})`, label);
        continue;
      }
      matched.add(hit);
      const trail = `${label} ${os} ${mt}${us !== os ? ` (vendor ${us} ${hit})` : ''} `;
      const osch = this.ours.child(oMedia, 'schema');
      const usch = this.upstream.child(um.get(hit)!, 'schema');
      if (osch && usch) {
        const root = viewOf(this.ours, osch);
        this.schemas.compare(osch, usch, { at: root.loc, member: '' }, trail);
      } else if (osch || usch) {
        this.add('type', o.op.loc, `${os} ${mt}`, osch ? describe(viewOf(this.ours, osch)) : 'no schema', usch ? describe(viewOf(this.upstream, usch)) : 'no schema', label);
      }
    }
    for (const mt of um.keys()) {
      if (matched.has(mt) || [...om.keys()].some((k) => covers(k, mt) || covers(mt, k))) continue;
      this.add('media-type', o.op.loc, `${os} ${mt}`, `absent (ours: ${[...om.keys()].join(', ') || 'no body'})`, 'documented', label);
    }
  }
}

/** Whether media range `range` (`*\/*`, `application/*`) covers `mt`. */
function covers(range: string, mt: string): boolean {
  if (range === '*/*') return true;
  return range.endsWith('/*') && mt.startsWith(range.slice(0, -1));
}
