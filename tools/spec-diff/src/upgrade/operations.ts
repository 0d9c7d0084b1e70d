// The operations of one bundled API version as an upgrade guide sees them: method, path, the server
// path they are sent to (operation > path item > document `servers`, as OpenAPI resolves them) and
// the operation object itself.
import { HTTP_METHODS } from '../location.js';
import type { Doc } from '../normalize.js';

/** One operation of a bundled document. */
export interface Operation {
  /** Lower-case HTTP method (`get`). */
  method: string;
  /** The path template as the document writes it (`/Jobs/{jobId}`). */
  path: string;
  operationId?: string;
  summary?: string;
  /**
   * The path part of the server URL the operation is sent to (`/v8`, `/api`): the host is the
   * user's, the rest is the contract. Empty when the document declares no server.
   */
  serverPath: string;
  /** True when the path item or the operation overrides the document's servers (azure's unversioned token endpoint). */
  ownServer: boolean;
  /** The operation object (not a copy). */
  node: Doc;
  /** The path item's shared parameters (folded into the operation by the comparison). */
  shared: Doc[];
}

/** Every operation of `doc`, in document order. */
export function listOperations(doc: Doc): Operation[] {
  const out: Operation[] = [];
  const rootServer = serverPath(doc.servers);
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const [method, node] of Object.entries<Doc>(item)) {
      if (!HTTP_METHODS.has(method) || !node || typeof node !== 'object') continue;
      const own = serverPath(node.servers) ?? serverPath(item.servers);
      out.push({
        method,
        path,
        ...(typeof node.operationId === 'string' ? { operationId: node.operationId } : {}),
        ...(typeof node.summary === 'string' ? { summary: node.summary } : {}),
        serverPath: own ?? rootServer ?? '',
        ownServer: own !== undefined,
        node,
        shared: Array.isArray(item.parameters) ? item.parameters : [],
      });
    }
  }
  return out;
}

/** `GET /v8/Jobs/{jobId}`: what a user sees on the wire (host left out). */
export function wireLabel(op: Pick<Operation, 'method' | 'path' | 'serverPath'>): string {
  return `${op.method.toUpperCase()} ${op.serverPath}${op.path}`;
}

/** `GET /Jobs/{jobId}`: the operation as the generated client's `paths` type keys it. */
export function clientLabel(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** The path of the first server URL (`https://{host}:4443/v8` -> `/v8`), undefined without servers. */
export function serverPath(servers: unknown): string | undefined {
  if (!Array.isArray(servers) || servers.length === 0) return undefined;
  const url = String((servers[0] as Doc)?.url ?? '');
  // Server URLs carry `{host}` variables, so they are not URLs `new URL` accepts: cut scheme and authority.
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return rest.replace(/\/+$/, '');
}
