import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { RegistryError } from './errors.js';
import type { ApiEntry } from './registry.js';
import { isObject, serversOfDocument, type ApiServers } from './servers.js';

type Node = Record<string, unknown>;

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
