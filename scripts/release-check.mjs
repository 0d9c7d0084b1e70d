#!/usr/bin/env node
// Release check (CI, `pnpm release:check`): nothing is published.
// 1. `changeset status` against the base branch: a change to a published package needs a changeset.
// 2. Each publishable package is packed as `pnpm publish` would pack it, checked (LICENSE, README,
//    CHANGELOG, no workspace:/catalog: range, no install script, source maps with their sources), and
//    handed to `npm publish --dry-run`.
// The base is $RELEASE_BASE, else main, else origin/main.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPackages, packAll, publishablePackages, ROOT, run, tarballProblems } from './lib/workspace.mjs';

function baseRef() {
  if (process.env.RELEASE_BASE) return process.env.RELEASE_BASE;
  for (const ref of ['main', 'origin/main']) {
    if (spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: ROOT }).status === 0) return ref;
  }
  throw new Error('no main or origin/main branch to compare with: set RELEASE_BASE');
}

const failures = [];
const step = (name, fn) => {
  try {
    const note = fn();
    console.log(`release check: ${name}: ok${note ? ` (${note})` : ''}`);
  } catch (e) {
    failures.push(name);
    console.log(`release check: ${name}: FAILED\n${e.message.replace(/^/gm, '  ')}`);
  }
};

step('changeset status', () => {
  const base = baseRef();
  run('pnpm', ['exec', 'changeset', 'status', `--since=${base}`], { step: `changeset status --since=${base}` });
  return `since ${base}`;
});

const pkgs = publishablePackages();
const dest = mkdtempSync(path.join(os.tmpdir(), 'veeam-rest-release-'));
try {
  buildPackages(pkgs);
  for (const p of packAll(pkgs, dest)) {
    step(`${p.name}@${p.version}`, () => {
      const problems = tarballProblems(p.tarball);
      if (problems.length) throw new Error(problems.join('\n'));
      const out = run('npm', ['publish', '--dry-run', '--ignore-scripts', p.tarball], { cwd: dest, step: `npm publish --dry-run ${path.basename(p.tarball)}` });
      return out.trim().split('\n').pop();
    });
  }
} finally {
  rmSync(dest, { recursive: true, force: true });
}

if (failures.length) {
  console.log(`release check: FAILED (${failures.join(', ')})`);
  process.exitCode = 1;
} else {
  console.log('release check: ok');
}
