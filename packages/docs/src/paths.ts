import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `packages/docs` folder. */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root (holds `redocly.yaml`). */
export const repoRoot = path.resolve(packageDir, '..', '..');
/** Where the site is built and served from. */
export const defaultOutDir = path.join(packageDir, 'dist');
