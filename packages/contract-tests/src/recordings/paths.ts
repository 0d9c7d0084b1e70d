/** Where this package and the recordings it ships are (the repository root is found by @veeam-rest/spec-registry). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The package directory (works from `src/` under tsx/vitest and from `dist/` after a build). */
export const packageDir = path.resolve(here, '..', '..');

/** The bundled recordings shipped with the package: `<package>/recordings`. */
export const bundledRecordingsDir = path.join(packageDir, 'recordings');
