import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireRepoRoot } from '@veeam-rest/spec-registry';

/** The `packages/docs` folder. */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root: the nearest folder above this package holding `redocly.yaml`. */
export const repoRoot = requireRepoRoot(packageDir);
/** Where the site is built and served from. */
export const defaultOutDir = path.join(packageDir, 'dist');
