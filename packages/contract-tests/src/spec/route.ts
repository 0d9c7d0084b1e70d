// Which API a URL belongs to: the API whose server base path is the longest case-insensitive prefix of
// the URL's path (`/v8/Jobs` -> m365@v8, `/api/v2/jobSessions` -> azure@v2, `/api/backupSessions` ->
// enterprise-manager@v1). An operation with its own server (VB for Azure's unversioned
// `POST /api/oauth2/token`) is a route of its own: its server's base path plus its path template.
import { serverBasePath, type ApiServers } from '@veeam-rest/spec-registry/lite';
import type { ApiInfo } from './source.js';

/** One way into an API: a path prefix, or (for an override) a whole path. */
interface Route {
  alias: string;
  product: string;
  /** Position of the API in the registry (for ties). */
  rank: number;
  /** Lower-cased literal segments; `undefined` matches any one segment (a path parameter). */
  segments: (string | undefined)[];
  /** An override's route is the whole path of its operation, not a prefix. */
  exact: boolean;
  /** Lower-case method of an operation-level override. */
  method?: string;
}

/** The path of a URL (absolute, or a path with query) as lower-cased segments. */
export function urlSegments(url: string): string[] {
  let rest = url.trim();
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest);
  if (abs) rest = rest.slice(abs[0].length);
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  return rest.split('/').filter((s) => s !== '').map((s) => s.toLowerCase());
}

const split = (p: string): string[] => p.split('/').filter((s) => s !== '');

/** Picks the API of a request among the APIs of a spec source. */
export class ApiRouter {
  private readonly routes: Route[] = [];

  /**
   * @param apis the APIs in registry order
   * @param servers where each is served (undefined: unknown, it gets no route)
   */
  private readonly apis: readonly ApiInfo[];

  constructor(apis: readonly ApiInfo[], servers: (alias: string) => ApiServers | undefined) {
    this.apis = apis;
    for (const api of apis) {
      const s = servers(api.alias);
      if (s) this.add(api.alias, s);
    }
  }

  /** Adds the routes of one API (its servers became known when it was loaded). */
  add(alias: string, servers: ApiServers): void {
    const rank = this.apis.findIndex((a) => a.alias === alias);
    if (rank < 0) return;
    const base = { alias, product: this.apis[rank]!.product, rank };
    for (const url of new Set(servers.servers)) this.routes.push({ ...base, segments: split(serverBasePath(url)).map((x) => x.toLowerCase()), exact: false });
    for (const o of servers.overrides) {
      const template = split(o.path).map((x) => (/^\{[^}]*\}$/.test(x) ? undefined : x.toLowerCase()));
      for (const url of new Set(o.servers)) {
        this.routes.push({ ...base, segments: [...split(serverBasePath(url)).map((x) => x.toLowerCase()), ...template], exact: true, ...(o.method ? { method: o.method } : {}) });
      }
    }
  }

  /** Base paths of the given APIs, for messages (`/v3 m365@v3, /v8 m365@v8`). */
  describe(aliases: readonly string[]): string {
    const seen = this.routes.filter((r) => !r.exact && aliases.includes(r.alias)).map((r) => `/${r.segments.join('/')} ${r.alias}`);
    return [...new Set(seen)].join(', ') || 'none';
  }

  /**
   * The API among `candidates` that serves `method url`: the longest matching route wins; on a tie the
   * newest version of a product (an unversioned endpoint every version declares is served by the
   * current server), then registry order. Undefined when no candidate's route matches.
   */
  pick(method: string, url: string, candidates: readonly string[]): string | undefined {
    const path = urlSegments(url);
    const m = method.toLowerCase();
    let best: Route | undefined;
    for (const r of this.routes) {
      if (!candidates.includes(r.alias)) continue;
      if (r.method !== undefined && r.method !== m) continue;
      if (r.exact ? path.length !== r.segments.length : path.length < r.segments.length) continue;
      if (!r.segments.every((s, i) => s === undefined || s === path[i])) continue;
      if (!best || r.segments.length > best.segments.length || (r.segments.length === best.segments.length && newer(r, best))) best = r;
    }
    return best?.alias;
  }
}

/** Within a product the later registry position is the newer version; across products the earlier one wins. */
function newer(a: Route, b: Route): boolean {
  return a.product === b.product ? a.rank > b.rank : a.rank < b.rank;
}
