/** Where the repository checkout and the bundled recordings are, seen from this package. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The package directory (works from `src/` under tsx/vitest and from `dist/` after a build). */
export const packageDir = path.resolve(here, '..', '..');

/** The bundled recordings shipped with the package: `<package>/recordings`. */
export const bundledRecordingsDir = path.join(packageDir, 'recordings');

/**
 * The repository root holding `redocly.yaml` (the API registry), found by walking up from this package.
 * @throws Error when no registry is found (the package was installed without the specs).
 */
export function findRepoRoot(start: string = packageDir): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'redocly.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no redocly.yaml above ${start}: pass rootDir explicitly`);
    dir = up;
  }
}
