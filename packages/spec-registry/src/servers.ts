// Where an API is served, from a document whose path items are in place. Pure: loads no Redocly.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A path- or operation-level `servers` override: the operations it applies to are served there instead. */
export interface ServerOverride {
  /** Path template (`/oauth2/token`). */
  path: string;
  /** Lower-case method for an operation-level override; absent for a path-level one (every method). */
  method?: string;
  /** The override's server URLs as written (`https://{host}/api`). */
  servers: string[];
}

/** Where an API is served: its root `servers` and every override (VB for Azure's unversioned token endpoint). */
export interface ApiServers {
  /** Root server URLs as written (`https://{host}/api/v2`). */
  servers: string[];
  overrides: ServerOverride[];
}

type Node = Record<string, unknown>;
/** A JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const urls = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isObject).map((s) => s.url).filter((u): u is string => typeof u === 'string') : []);

/** The servers of a document whose path items are already in place (a bundled document). */
export function serversOfDocument(doc: { servers?: unknown; paths?: unknown }): ApiServers {
  const overrides: ServerOverride[] = [];
  for (const [template, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    if (item.servers !== undefined) overrides.push({ path: template, servers: urls(item.servers) });
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op) && op.servers !== undefined) overrides.push({ path: template, method, servers: urls(op.servers) });
    }
  }
  return { servers: urls(doc.servers), overrides };
}

/** The path part of a server URL, without slashes at either end (`https://{host}:9398/api/` -> `api`). */
export function serverBasePath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url);
  return (m ? (m[1] ?? '') : url).replace(/^\/+|\/+$/g, '');
}
