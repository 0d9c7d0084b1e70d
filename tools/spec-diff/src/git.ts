// The base side of the diff: which commit, and its files checked out where Redocly can bundle them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SpecDiffError } from './errors.js';

/** The commit the working tree is compared with. */
export interface Base {
  /** Full commit id. */
  commit: string;
  /** How it was chosen, for the report: `main` or `merge-base of HEAD and main`. */
  label: string;
}

/** Branches tried, in order, when no `--base` is given. */
export const DEFAULT_BASE_BRANCHES = ['main', 'origin/main'] as const;

function git(root: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new SpecDiffError(`git is needed to read the base ref: ${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** The top-level directory of the git work tree containing `cwd`. */
export function repoRoot(cwd: string): string {
  const r = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!r.ok) throw new SpecDiffError(`${cwd} is not inside a git work tree (${r.err.split('\n')[0]})`);
  return r.out;
}

/**
 * Resolves `--base REF` to a commit, or by default the merge-base of HEAD with `main` (else
 * `origin/main`), so a branch is compared with where it left main and not with main's later commits.
 */
export function resolveBase(root: string, ref?: string): Base {
  if (ref !== undefined) {
    const r = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (!r.ok) throw new SpecDiffError(`--base ${ref}: no such commit, branch or tag in ${root}`);
    return { commit: r.out, label: ref };
  }
  for (const branch of DEFAULT_BASE_BRANCHES) {
    if (!git(root, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`]).ok) continue;
    const mb = git(root, ['merge-base', 'HEAD', branch]);
    if (!mb.ok) throw new SpecDiffError(`HEAD and ${branch} have no common ancestor: pass --base REF`);
    return { commit: mb.out, label: `merge-base of HEAD and ${branch}` };
  }
  throw new SpecDiffError(`no ${DEFAULT_BASE_BRANCHES.join(' or ')} branch to compare with: pass --base REF`);
}

/**
 * Writes the tree of `commit` into a new temporary directory (`git archive`, so the repo's worktrees
 * and index are untouched) and returns it with a cleanup function.
 */
export function checkoutTree(root: string, commit: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'veeam-spec-diff-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const tar = path.join(dir, '.base.tar');
  const archive = git(root, ['archive', '--format=tar', '-o', tar, commit]);
  if (!archive.ok) {
    dispose();
    throw new SpecDiffError(`git archive ${commit} failed: ${archive.err}`);
  }
  const x = spawnSync('tar', ['-xf', tar, '-C', dir], { encoding: 'utf8' });
  rmSync(tar, { force: true });
  if (x.error || x.status !== 0) {
    dispose();
    throw new SpecDiffError(`cannot unpack the base tree: ${x.error?.message ?? x.stderr.trim()}`);
  }
  return { dir, dispose };
}
