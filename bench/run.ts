// Runs every bench/*.bench.ts in its own process (one at a time, so they do not compete for the two
// cores) and writes BENCHMARKS.md: the machine, then each benchmark's markdown section in file order.
// `pnpm bench <name>...` runs only the files whose name contains one of the arguments and updates only
// their sections in BENCHMARKS.md (see splice()), leaving every other section as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: string[] = [];
let failed = false;
for (const file of files) {
  process.stderr.write(`\n# ${file}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    cwd: here,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    failed = true;
    sections.push(`## ${file}\n\nFAILED (exit ${run.status}).\n`);
  } else {
    sections.push(run.stdout.trim() + '\n');
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const doc = [
  '# Benchmarks',
  '',
  'Written by `pnpm bench` (bench/run.ts); do not edit by hand. Each section compares ratios measured in one',
  'run: ours vs. the naive way vs. the physical floor.',
  '',
  `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.`,
  '',
  ...sections,
].join('\n');
const target = path.join(here, '..', 'BENCHMARKS.md');
if (only.length === 0) writeFileSync(target, doc);
else if (!failed && existsSync(target)) writeFileSync(target, splice(readFileSync(target, 'utf8'), sections));
process.exit(failed ? 1 : 0);

/**
 * Replaces sections of an existing BENCHMARKS.md with freshly measured ones: a new section replaces the
 * one with the same `## ` heading, else the one whose heading shares its topic (the text before the
 * first `:`, e.g. "Code generation"), else it is appended. Sections are split at `## ` lines.
 */
export function splice(existing: string, fresh: readonly string[]): string {
  const parts = existing.split(/^(?=## )/m).map((p) => p.trimEnd() + '\n\n');
  const head = parts[0]!.startsWith('## ') ? '' : parts.shift()!;
  const heading = (s: string) => s.split('\n', 1)[0]!.trim();
  const topic = (s: string) => heading(s).split(':', 1)[0]!;
  for (const section of fresh) {
    const text = section.trim() + '\n\n';
    let at = parts.findIndex((p) => heading(p) === heading(section));
    if (at < 0) at = parts.findIndex((p) => topic(p) === topic(section));
    if (at >= 0) parts[at] = text;
    else parts.push(text);
  }
  return (head + parts.join('')).trimEnd() + '\n';
}
