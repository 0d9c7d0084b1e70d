// Shared setup for the library tests: the fixture registry under fixtures/repo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the fixture repository (redocly.yaml + specs/). */
export const FIXTURE_ROOT = fileURLToPath(new URL('./fixtures/repo', import.meta.url));

/** Reads a file of the fixture repository. */
export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURE_ROOT, rel), 'utf8');
}
