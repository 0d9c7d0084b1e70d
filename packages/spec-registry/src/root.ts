import { existsSync } from 'node:fs';
import path from 'node:path';
import { RegistryError } from './errors.js';

/** File name of the API registry at the root of a checkout. */
export const REGISTRY_FILE = 'redocly.yaml';

/**
 * The nearest folder at or above `from` that holds `redocly.yaml`: the root of a veeam-rest checkout
 * (or of a fixture registry). Undefined when there is none up to the file system root.
 * @param from a folder or a file; @default process.cwd()
 */
export function findRepoRoot(from: string = process.cwd()): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, REGISTRY_FILE))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** {@link findRepoRoot}, or a RegistryError saying where it looked. */
export function requireRepoRoot(from: string = process.cwd()): string {
  const root = findRepoRoot(from);
  if (root === undefined) {
    throw new RegistryError({ message: `no ${REGISTRY_FILE} (the API registry) in ${path.resolve(from)} or any folder above it; pass the checkout's root folder` });
  }
  return root;
}
