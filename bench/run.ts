// Runs every bench/*.bench.ts in its own process (one at a time, so they do not compete for the two
// cores) and writes BENCHMARKS.md: the machine, then each benchmark's markdown section in file order.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
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
if (only.length === 0) writeFileSync(path.join(here, '..', 'BENCHMARKS.md'), doc);
process.exit(failed ? 1 : 0);
