// Fixture copies for the spec-check tests: each test edits its own copy of fixtures/good.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The correct fixture repository. */
export const GOOD = fileURLToPath(new URL('./fixtures/good', import.meta.url));
const PLUGIN = fileURLToPath(new URL('../../redocly-plugin/veeam.cjs', import.meta.url));
const made: string[] = [];

/** The conformance fixture: one API that names a small vendor document, equal to it as written. */
export const CONFORMANCE = fileURLToPath(new URL('./fixtures/conformance', import.meta.url));

/** Copies `base` (default fixtures/good) to a temp dir (plugin path made absolute), applies `edits` (file -> new text or edit fn). */
export function fixtureCopy(edits: Record<string, string | ((text: string) => string)> = {}, base: string = GOOD): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spec-checks-'));
  made.push(dir);
  cpSync(base, dir, { recursive: true });
  const reg = path.join(dir, 'redocly.yaml');
  writeFileSync(reg, readFileSync(reg, 'utf8').replace(/^  - .*veeam\.cjs$/m, `  - ${PLUGIN}`));
  for (const [rel, edit] of Object.entries(edits)) {
    const file = path.join(dir, rel);
    let before = '';
    try { before = readFileSync(file, 'utf8'); } catch { /* new file */ }
    const after = typeof edit === 'string' ? edit : edit(before);
    if (typeof edit !== 'string' && after === before) throw new Error(`fixture edit of ${rel} changed nothing`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, after);
  }
  return dir;
}

/** Removes every copy made by this test file. */
export function cleanFixtures(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
