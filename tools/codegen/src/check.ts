import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProductOutput } from './generate.js';

/** One difference between committed and freshly generated output. */
export interface Drift {
  /** Path relative to the registry folder. */
  file: string;
  kind: 'stale' | 'missing' | 'extra';
  /** Short hint: the first differing line, or what to do. */
  hint: string;
}

const GENERATED = /\.gen\.ts$/;

/** Compares generated output with the files under `root`; returns every difference, sorted. */
export function findDrift(outputs: readonly ProductOutput[], root: string): Drift[] {
  const drift: Drift[] = [];
  for (const out of outputs) {
    const dir = path.join(root, out.outDir);
    for (const [name, want] of out.files) {
      const file = path.posix.join(out.outDir, name);
      const full = path.join(dir, name);
      if (!existsSync(full)) {
        drift.push({ file, kind: 'missing', hint: 'run `pnpm generate`' });
        continue;
      }
      const have = readFileSync(full, 'utf8');
      if (have !== want) drift.push({ file, kind: 'stale', hint: firstDifference(have, want) });
    }
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).sort()) {
        if (GENERATED.test(name) && !out.files.has(name)) {
          drift.push({ file: path.posix.join(out.outDir, name), kind: 'extra', hint: 'not produced by the generator; delete it or run `pnpm generate`' });
        }
      }
    }
  }
  return drift.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `line N: committed "..." / generated "..."` for the first differing line. */
export function firstDifference(have: string, want: string): string {
  const a = have.split('\n');
  const b = want.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (s: string | undefined) => (s === undefined ? '<end of file>' : JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s));
      return `line ${i + 1}: committed ${show(a[i])}, generated ${show(b[i])}`;
    }
  }
  return 'differs';
}

/**
 * Writes the output under `root`: each product folder gets exactly the generated files (stale
 * `*.gen.ts` removed), unchanged files are not rewritten. Returns the paths written.
 */
export function writeOutputs(outputs: readonly ProductOutput[], root: string): string[] {
  const written: string[] = [];
  for (const out of outputs) {
    const dir = path.join(root, out.outDir);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      if (GENERATED.test(name) && !out.files.has(name)) rmSync(path.join(dir, name));
    }
    for (const [name, content] of out.files) {
      const full = path.join(dir, name);
      if (existsSync(full) && readFileSync(full, 'utf8') === content) continue;
      writeFileSync(full, content);
      written.push(path.posix.join(out.outDir, name));
    }
  }
  return written;
}
