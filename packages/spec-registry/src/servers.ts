import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { RegistryError } from './errors.js';
import type { ApiEntry } from './registry.js';

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
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
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

/**
 * Where one API is served, read from its source files without bundling: the root file's `servers` and
 * those of every path item (following a path's `$ref` to its file) and operation. Cheap enough to run
 * for every API of the registry when a tool must pick an API by URL before bundling any.
 * @throws RegistryError when the root file or a path file cannot be read or parsed
 */
export async function readServers(api: ApiEntry): Promise<ApiServers> {
  const cache = new Map<string, unknown>();
  const load = async (file: string): Promise<unknown> => {
    if (!cache.has(file)) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new RegistryError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      }
      try {
        cache.set(file, file.endsWith('.json') ? JSON.parse(text) : parseYaml(text));
      } catch (e) {
        const err = e as Error & { reason?: string; mark?: { line: number; column: number } };
        const why = err.reason ?? err.message.split('\n')[0]!.replace(/ \(\d+:\d+\)$/, '');
        throw new RegistryError({ file, ...(err.mark ? { line: err.mark.line + 1, col: err.mark.column + 1 } : {}), message: `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${why}` });
      }
    }
    return cache.get(file);
  };
  const root = await load(api.rootFile);
  if (!isObject(root)) throw new RegistryError({ file: api.rootFile, line: 1, col: 1, message: 'not an OpenAPI document' });
  const paths: Node = {};
  for (const [template, raw] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    paths[template] = await resolveRef(raw, api.rootFile, load);
  }
  return serversOfDocument({ servers: root.servers, paths });
}

/** Follows a `$ref` to another file (and a pointer inside it); in-document refs and other nodes stay as they are. */
async function resolveRef(node: unknown, from: string, load: (file: string) => Promise<unknown>): Promise<unknown> {
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < 8; hops++) {
    const [file, pointer = ''] = node.$ref.split('#', 2) as [string, string?];
    if (file === '' || /^[a-z][a-z0-9+.-]*:/i.test(file)) return node;
    from = path.resolve(path.dirname(from), decodeURIComponent(file));
    let target = await load(from);
    for (const token of pointer.split('/').slice(1)) {
      target = isObject(target) ? target[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    node = target;
  }
  return node;
}
