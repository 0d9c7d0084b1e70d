#!/usr/bin/env node
// `check:specs`: runs every spec check over every API in redocly.yaml; exit 1 on any failure,
// 2 on a usage error. Usage: check-specs [--root DIR] [--only lint,examples,...]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport } from './report.js';
import { CHECKS, runChecks, type CheckName } from './run.js';

function usage(message: string): never {
  process.stderr.write(`check-specs: ${message}\nusage: check-specs [--root DIR] [--only ${CHECKS.join(',')}]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let only: CheckName[] = [...CHECKS];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--root') root = path.resolve(args[++i] ?? usage('--root needs a directory'));
  else if (a === '--only') {
    only = (args[++i] ?? usage('--only needs a list')).split(',') as CheckName[];
    const bad = only.find((c) => !CHECKS.includes(c));
    if (bad) usage(`unknown check "${bad}"`);
  } else usage(`unknown argument "${a}"`);
}

try {
  const results = await runChecks(root, only);
  process.stdout.write(renderReport(results, root) + '\n');
  process.exit(results.some((r) => r.failures.length > 0) ? 1 : 0);
} catch (e) {
  // Only a bug or a missing tool lands here (spec problems are findings): one line, no stack.
  process.stderr.write(`check-specs: ${(e as Error).message}\n`);
  process.exit(1);
}
