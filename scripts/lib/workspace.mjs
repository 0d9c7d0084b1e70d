// Shared by the release check and the consumer smoke test: which workspace packages are published,
// packing them as npm would receive them, and checks every tarball must pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Package folders that may hold publishable packages (pnpm-workspace.yaml's globs). */
const PACKAGE_PARENTS = ['packages', 'tools'];

/** Lifecycle scripts npm runs at install time in the consumer's tree. */
export const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/**
 * Every workspace package that is not private, sorted by name.
 * @returns {{ name: string, version: string, dir: string }[]}
 */
export function publishablePackages(root = ROOT) {
  const out = [];
  for (const parent of PACKAGE_PARENTS) {
    const base = path.join(root, parent);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base)) {
      const file = path.join(base, entry, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (!pkg.private) out.push({ name: pkg.name, version: pkg.version, dir: path.dirname(file) });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Runs a command; throws with its output when it fails (the smoke test and release check stop at the
 * first broken step and say which).
 * @returns {string} stdout
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, input, timeout = 600_000, step = `${cmd} ${args.join(' ')}` } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, input, timeout, killSignal: 'SIGKILL', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`${step}: ${r.error.code === 'ETIMEDOUT' ? `no answer within ${timeout / 1000}s` : r.error.message}\n${(r.stdout ?? '') + (r.stderr ?? '')}`.trim());
  if (r.status !== 0) throw new Error(`${step} failed (exit ${r.status}):\n${(r.stdout + r.stderr).trim()}`);
  return r.stdout;
}

/** Builds the given packages (and what they depend on) through turbo; cached after `pnpm test`. */
export function buildPackages(pkgs, root = ROOT) {
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only', ...pkgs.map((p) => `--filter=${p.name}`)], { cwd: root, step: 'build' });
}

/**
 * `pnpm pack`s each package into `dest` (pnpm rewrites workspace:/catalog: ranges and adds the root
 * LICENSE), as `pnpm publish` would.
 * @returns {{ name: string, version: string, dir: string, tarball: string }[]}
 */
export function packAll(pkgs, dest) {
  return pkgs.map((p) => {
    const out = run('pnpm', ['pack', '--pack-destination', dest, '--json'], { cwd: p.dir, step: `pnpm pack ${p.name}` });
    return { ...p, tarball: JSON.parse(out.slice(out.indexOf('{'))).filename };
  });
}

/** The files of a .tgz: path (without `package/`) -> contents. A minimal ustar reader. */
export function readTarball(file) {
  const buf = gunzipSync(readFileSync(file));
  const files = new Map();
  let longName;
  for (let off = 0; off + 512 <= buf.length; ) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = buf.subarray(off + 512, off + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '') files.set(name.replace(/^package\//, ''), body);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/**
 * What every published tarball must satisfy; returns the problems (empty when fine):
 * LICENSE, README.md and CHANGELOG.md inside; no workspace:/catalog: range left; no install-time
 * script; every source map carries its sources (they are not shipped as files).
 */
export function tarballProblems(tarball) {
  const files = readTarball(tarball);
  const problems = [];
  for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) if (!files.has(f)) problems.push(`${f} missing`);
  const pkg = JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (/^(workspace|catalog):/.test(String(range))) problems.push(`${field}.${dep} is still "${range}"`);
    }
  }
  for (const s of INSTALL_SCRIPTS) if (pkg.scripts?.[s]) problems.push(`runs "${s}" at install: ${pkg.scripts[s]}`);
  for (const [name, body] of files) {
    if (!name.endsWith('.map')) continue;
    const map = JSON.parse(body.toString('utf8'));
    const missing = (map.sources ?? []).filter((s, i) => typeof map.sourcesContent?.[i] !== 'string' && !files.has(path.posix.join(path.posix.dirname(name), s)));
    if (missing.length) problems.push(`${name} points at sources that are not shipped: ${missing.join(', ')}`);
  }
  return problems;
}
