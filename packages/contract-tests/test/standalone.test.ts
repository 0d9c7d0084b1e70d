// The package as a user installs it: its published files (package.json `files`) and those of
// @veeam-rest/spec-registry copied into node_modules of a temp folder outside the repository, the
// third-party dependencies linked in, the recordings copied beside. Nothing points at the checkout:
// `check` and `validate` must run on the specs shipped in dist/specs (built by `pnpm build`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

function run(args: string[], input?: Buffer, env: NodeJS.ProcessEnv = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME }, binary = bin) {
  const r = spawnSync(process.execPath, [binary, ...args], {
    cwd: work,
    env: { ...env, HOME: tmp.dir },
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

describe('the installed package without a JDK (PATH without java, JAVA_HOME an empty folder)', () => {
  const emptyJdk = path.join(tmp.dir, 'empty-jdk');
  const emptyPath = path.join(tmp.dir, 'empty-path');
  const noJdk = () => {
    mkdirSync(emptyJdk, { recursive: true });
    mkdirSync(emptyPath, { recursive: true });
    // HOME is the temp folder (run()): no helper compiled by an earlier run is found in its cache.
    return { PATH: emptyPath, JAVA_HOME: emptyJdk };
  };

  it('check validates the JSON bodies and reports each XML body on one line, exit 1', () => {
    const r = run(['check', 'recordings'], undefined, noJdk());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const skips = r.stdout.split('\n').filter((l) => l.startsWith('SKIP '));
    const xmlCount = r.stdout.match(/(\d+) skipped-no-jdk/)?.[1];
    expect(Number(xmlCount)).toBe(skips.length);
    expect(skips.length).toBeGreaterThan(10);
    for (const l of skips) expect(l).toMatch(/^SKIP recordings\/enterprise-manager\/\S+\.xml +enterprise-manager@v1 \w+: XML not validated, needs a JDK 17\+ \(java and javac on PATH, or set JAVA_HOME\)$/);
    expect(r.stdout).toContain(`JAVA_HOME is ${emptyJdk}`);
    // The JSON bodies were validated: valid, not skipped.
    expect(r.stdout).toMatch(/\d+ checked: [1-9]\d* valid, \d+ failed \(\d+ skipped-no-jdk\)/);
    expect(r.stdout).not.toContain('FAIL');
  });

  it('--format json: the XML bodies are skipped-no-jdk (never valid), the JSON ones valid', () => {
    const r = run(['check', 'recordings', '--format', 'json'], undefined, noJdk());
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { source: string; ok: boolean; outcome: string; errors: { kind: string }[] }[] };
    for (const e of doc.results) {
      if (e.source.endsWith('.xml')) expect(e).toMatchObject({ ok: false, outcome: 'skipped-no-jdk', errors: [{ kind: 'no-jdk' }] });
      else expect(e).toMatchObject({ ok: true, outcome: 'valid' });
    }
    expect(doc.results.some((e) => e.source.endsWith('.json'))).toBe(true);
  });

  it('--xml-without-jdk skip: the same report, exit 0 (nothing invalid); never counted as valid', () => {
    const r = run(['check', 'recordings', '--xml-without-jdk', 'skip'], undefined, noJdk());
    expect(r.code).toBe(0);
    const skips = r.stdout.split('\n').filter((l) => l.startsWith('SKIP ')).length;
    expect(r.stdout).toMatch(new RegExp(`\\d+ checked: \\d+ valid, 0 failed, ${skips} XML not validated \\(no JDK; --xml-without-jdk skip\\)`));
  });

  it('validate of an XML body: one line, exit 1; a JSON body is still validated, exit 0', () => {
    const xml = readFileSync(path.join(work, 'recordings', 'enterprise-manager', 'getBackupSession', '200-entity.xml'));
    const r = run(['validate', '--request', 'GET /api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae?format=Entity', '--status', '200', '--content-type', 'application/xml', '-'], xml, noJdk());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^SKIP <stdin> +enterprise-manager@v1 getBackupSession: XML not validated, needs a JDK 17\+/);
    const json = readFileSync(path.join(work, 'recordings', 'm365', 'listJobSessions', '200.json'));
    const j = run(['validate', '--request', 'GET /v3/JobSessions', '--status', '200', '-'], json, noJdk());
    expect(j.stdout).toBe('valid: m365@v3 listJobSessions (JobSessionList)\n');
    expect(j.code).toBe(0);
  });
});

describe('an internal error of the installed package', () => {
  // A shipped index whose server overrides are not what the build writes: our code has no answer for
  // it (a bug of the package, not a mistake of the user), so the run ends with exit 70.
  const broken = path.join(modules, '@veeam-rest', 'contract-tests-broken');
  const brokenBin = path.join(broken, 'bin', 'veeam-contract.js');
  beforeAll(() => {
    cpSync(installed, broken, { recursive: true });
    const indexFile = path.join(broken, 'dist', 'specs', 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { apis: { servers: { overrides: unknown[] } }[] };
    index.apis[0]!.servers.overrides = [7];
    writeFileSync(indexFile, JSON.stringify(index));
  });

  it('exits 70 with one line and the hint; no stack', () => {
    const r = run(['check', 'recordings'], undefined, undefined, brokenBin);
    expect(r.code).toBe(70);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^veeam-contract: internal error \(please report\): TypeError: .+ \(set VEEAM_CONTRACT_DEBUG=1 for the stack\)\n$/);
  });

  it('VEEAM_CONTRACT_DEBUG=1 adds the stack', () => {
    const r = run(['check', 'recordings'], undefined, { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME, VEEAM_CONTRACT_DEBUG: '1' }, brokenBin);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^veeam-contract: internal error \(please report\): TypeError: [^\n]+\nTypeError: [^\n]+\n(\s+at .+\n)+$/);
  });

  it('a usage error stays one line with exit 2', () => {
    const r = run(['check', '--format', 'yaml'], undefined, undefined, brokenBin);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('veeam-contract: check: --format must be one of text, json, junit, got "yaml"\n');
  });
});

