import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DocsError } from './errors.js';

/** One API of the root `redocly.yaml` registry (`apis.<slug>@<version>`). */
export interface ApiEntry {
  /** Registry key, e.g. `enterprise-manager@v1`. */
  alias: string;
  /** Product slug: the part before `@` (folder, npm name `@veeam-rest/<slug>`, docs folder). */
  slug: string;
  /** API version from the alias, e.g. `v1`. */
  version: string;
  /** Absolute path of the spec's root file. */
  root: string;
}

/**
 * Reads the APIs listed in `<rootDir>/redocly.yaml`, in file order.
 * Throws {@link DocsError} naming the file and the JSON pointer of a malformed entry.
 */
export function readRegistry(rootDir: string, file = 'redocly.yaml'): ApiEntry[] {
  const configPath = path.resolve(rootDir, file);
  if (!existsSync(configPath)) throw new DocsError(`${configPath}: not found (the API registry)`);
  let doc: unknown;
  try {
    doc = parse(readFileSync(configPath, 'utf8'));
  } catch (e) {
    throw new DocsError(`${configPath}: invalid YAML: ${(e as Error).message}`);
  }
  const apis = (doc as { apis?: unknown } | null)?.apis;
  if (!apis || typeof apis !== 'object' || Array.isArray(apis)) {
    throw new DocsError(`${configPath}#/apis: expected a map of "<slug>@<version>" to {root}, got ${JSON.stringify(apis)}`);
  }
  return Object.entries(apis as Record<string, unknown>).map(([alias, value]) => {
    const pointer = `${configPath}#/apis/${alias.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const match = /^([a-z0-9][a-z0-9-]*)@([A-Za-z0-9._-]+)$/.exec(alias);
    if (!match) throw new DocsError(`${pointer}: expected an alias like "m365@v3" (lowercase slug @ version)`);
    const root = (value as { root?: unknown } | null)?.root;
    if (typeof root !== 'string' || root === '') {
      throw new DocsError(`${pointer}/root: expected the path of the spec's root file, got ${JSON.stringify(root)}`);
    }
    return { alias, slug: match[1]!, version: match[2]!, root: path.resolve(path.dirname(configPath), root) };
  });
}
