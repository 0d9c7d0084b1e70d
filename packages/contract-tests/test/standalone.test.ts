// The package as a user installs it: its published files (package.json `files`) and those of
// @veeam-rest/spec-registry copied into node_modules of a temp folder outside the repository, the
// third-party dependencies linked in, the recordings copied beside. Nothing points at the checkout:
// `check` and `validate` must run on the specs shipped in dist/specs (built by `pnpm build`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '@veeam-rest/spec-registry/lite';
import { packageDir, recordingsDir, tempDir } from './helpers.js';

interface PackageJson { name: string; files: string[]; dependencies?: Record<string, string> }
const readPackage = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

const tmp = tempDir('standalone');
const modules = path.join(tmp.dir, 'node_modules');
const installed = path.join(modules, '@veeam-rest', 'contract-tests');
const work = path.join(tmp.dir, 'work');
const bin = path.join(installed, 'bin', 'veeam-contract.js');

/** Copies a workspace package's published files; links its third-party dependencies into `modules`. */
function install(dir: string): void {
  const pkg = readPackage(dir);
  const target = path.join(modules, ...pkg.name.split('/'));
  mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', ...pkg.files]) cpSync(path.join(dir, entry), path.join(target, entry), { recursive: true });
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (dep.startsWith('@veeam-rest/')) {
      install(realpathSync(path.join(dir, 'node_modules', dep)));
      continue;
    }
    const link = path.join(modules, ...dep.split('/'));
    if (existsSync(link)) continue;
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(realpathSync(path.join(dir, 'node_modules', dep)), link, 'dir');
  }
}

function run(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    env: { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME, HOME: tmp.dir },
    encoding: 'utf8',
    timeout: 180_000,
    ...(input ? { input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(path.join(packageDir, 'dist', 'specs', 'index.json'))) {
    throw new Error('dist/specs/index.json is missing: build the package first (pnpm build; turbo does it before the tests)');
  }
  install(packageDir);
  cpSync(recordingsDir, path.join(work, 'recordings'), { recursive: true });
});
afterAll(() => tmp.cleanup());

describe('the installed package outside the repository', () => {
  it('sits where no registry or checkout can be found', () => {
    expect(findRepoRoot(work)).toBeUndefined();
    expect(findRepoRoot(installed)).toBeUndefined();
    expect(existsSync(path.join(installed, 'dist', 'specs', 'index.json'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(true); // only src/xml/java is published
    expect(existsSync(path.join(installed, 'src', 'validate.ts'))).toBe(false);
  });

  it('check validates the copied recordings against the shipped specs, every API in the coverage', () => {
    const index = JSON.parse(readFileSync(path.join(installed, 'dist', 'specs', 'index.json'), 'utf8')) as { apis: { alias: string }[] };
    const r = run(['check', 'recordings', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { summary: { checked: number; failed: number }; results: { api: string }[]; coverage: { api: string }[] };
    expect(doc.summary.failed).toBe(0);
    expect(doc.summary.checked).toBeGreaterThan(5);
    const checked = new Set(doc.results.map((e) => e.api));
    expect(doc.coverage.map((c) => c.api)).toEqual(index.apis.map((a) => a.alias).filter((a) => checked.has(a)));
    // XML recordings went through the XSD shipped beside the EM bundle.
    expect(checked.has('enterprise-manager@v1')).toBe(true);
  });

  it('check without paths takes the recordings shipped in the package', () => {
    const r = run(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ checked: \d+ valid, 0 failed/);
  });

  it('validate picks the API from the URL', () => {
    const body = readFileSync(path.join(work, 'recordings', 'enterprise-manager', 'getBackupSession', '200-entity.xml'));
    const r = run(['validate', '--request', 'GET /api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae?format=Entity', '--status', '200', '--content-type', 'application/xml', '-'], body);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('valid: enterprise-manager@v1 getBackupSession (BackupJobSession)\n');
    expect(r.code).toBe(0);
  });

  it('really uses the shipped specs: without them it says so (exit 2)', () => {
    const specs = path.join(installed, 'dist', 'specs');
    const aside = path.join(tmp.dir, 'specs-aside');
    cpSync(specs, aside, { recursive: true });
    rmSync(specs, { recursive: true });
    try {
      const r = run(['check', 'recordings']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^veeam-contract: .*dist\/specs\/index\.json: no shipped specs: build the package \(pnpm build\), or pass rootDir \/ --root/);
    } finally {
      cpSync(aside, specs, { recursive: true });
    }
  });
});
