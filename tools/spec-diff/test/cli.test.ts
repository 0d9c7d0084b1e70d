// The gate end to end: the real CLI (bin/spec-diff.mjs) on scratch git repos, bundling both sides with
// Redocly and diffing them. The widgets fixture keeps each run short; one test runs over a scratch copy
// of this repo's own specs and plugin.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { widgetsFiles } from './fixture.js';

const BIN = fileURLToPath(new URL('../bin/spec-diff.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const scratch: string[] = [];
afterAll(() => { for (const d of scratch) rmSync(d, { recursive: true, force: true }); });

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** A git repo whose `main` holds `files`, checked out on a `feature` branch. */
function repo(files: Record<string, string> = widgetsFiles()): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spec-diff-test-'));
  scratch.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

function specDiff(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Edits one JSON file of the scratch repo. */
function editJson(dir: string, rel: string, edit: (j: any) => void): void {
  const file = path.join(dir, rel);
  const j = JSON.parse(readFileSync(file, 'utf8'));
  edit(j);
  writeFileSync(file, JSON.stringify(j, null, 2));
}

const WIDGET = 'specs/widgets/components/Widget.json';
const changeset = (releases: Record<string, string>) =>
  `---\n${Object.entries(releases).map(([p, b]) => `"${p}": ${b}`).join('\n')}\n---\n\nfix(widgets): drop Widget.name\n`;

describe('spec:diff on a scratch repo', () => {
  it('no change passes', () => {
    const r = specDiff(repo());
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('(merge-base of HEAD and main)');
    expect(r.stdout).toContain('widgets@v1: no changes');
    expect(r.stdout).toContain('result: OK, no breaking changes');
    expect(r.status).toBe(0);
  });

  it('removing a required response member fails until both packages have a major changeset', () => {
    const dir = repo();
    editJson(dir, WIDGET, (w) => { delete w.properties.name; w.required = ['id', 'state']; });
    let r = specDiff(dir);
    expect(r.stdout).toContain('schema Widget, in responses of GET /widgets, POST /widgets, GET /widgets/{id}');
    expect(r.stdout).toMatch(/breaking \(clients, contract\)\s+member `\$\.name` removed/);
    expect(r.stdout).toContain('MISSING  @veeam-rest/contract-tests (pending: none): widgets@v1: 1 change breaking for contract checks');
    expect(r.stdout).toContain('MISSING  @veeam-rest/widgets (pending: none): widgets@v1: 2 changes breaking for clients');
    expect(r.stdout).toContain('result: FAIL');
    expect(r.status).toBe(1);

    write(dir, { '.changeset/drop-name.md': changeset({ '@veeam-rest/widgets': 'major', '@veeam-rest/contract-tests': 'minor' }) });
    r = specDiff(dir);
    expect(r.stdout).toContain('ok       @veeam-rest/widgets (pending: major)');
    expect(r.stdout).toContain('MISSING  @veeam-rest/contract-tests (pending: minor)');
    expect(r.status).toBe(1);

    write(dir, { '.changeset/drop-name.md': changeset({ '@veeam-rest/widgets': 'major', '@veeam-rest/contract-tests': 'major' }) });
    r = specDiff(dir);
    expect(r.stdout).toContain('result: OK, every breaking change has a major changeset');
    expect(r.status).toBe(0);
  });

  it('adding an optional response member passes and is listed as non-breaking', () => {
    const dir = repo();
    editJson(dir, WIDGET, (w) => { w.properties.color = { type: 'string' }; });
    const r = specDiff(dir);
    expect(r.stdout).toMatch(/non-breaking\s+member `\$\.color` added/);
    expect(r.stdout).toContain('result: OK, no breaking changes');
    expect(r.status).toBe(0);
  });

  it('compares committed work with the merge-base, not with where main moved since; --base picks another ref', () => {
    const dir = repo();
    editJson(dir, WIDGET, (w) => { w.properties.size.type = 'string'; });
    git(dir, 'commit', '-q', '-am', 'feature: size is a string');
    git(dir, 'checkout', '-q', 'main');
    editJson(dir, WIDGET, (w) => { w.properties.size.type = 'string'; }); // main later makes the same change
    git(dir, 'commit', '-q', '-am', 'main: same change');
    git(dir, 'checkout', '-q', 'feature');
    expect(specDiff(dir).stdout).toMatch(/breaking \(clients, contract\)\s+type of `\$\.size` changed: "integer" -> "string"/);
    const vsMain = specDiff(dir, '--base', 'main');
    expect(vsMain.stdout).toContain('widgets@v1: no changes');
    expect(vsMain.stdout).toContain('base ' + git(dir, 'rev-parse', 'main').slice(0, 12) + ' (main)');
    expect(vsMain.status).toBe(0);
  });

  it('--format json', () => {
    const dir = repo();
    editJson(dir, 'specs/widgets/components/State.json', (s) => { s.enum.push('Queued'); });
    const r = specDiff(dir, '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.apis[0].changes).toEqual([expect.objectContaining({ where: 'schema State', what: '`$` allows "Queued"', clients: 'breaking', contract: 'non-breaking', pointers: ['/components/schemas/State/enum/2'] })]);
    expect(report.missing).toEqual([{ pkg: '@veeam-rest/widgets', reasons: ['widgets@v1: 1 change breaking for clients'] }]);
    expect(r.status).toBe(1);
  });

  it.each([
    [['--base', 'no-such-ref'], /^spec:diff: --base no-such-ref: no such commit, branch or tag in .+\n$/],
    [['--frobnicate'], /^spec:diff: Unknown option '--frobnicate'/],
    [['--format', 'yaml'], /^spec:diff: --format must be text or json, got "yaml"\n$/],
  ])('usage errors exit 2 with one line: %j', (args, message) => {
    const r = specDiff(repo(), ...args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.status).toBe(2);
  });

  it('a broken spec in the working tree names the file, exit 2', () => {
    const dir = repo();
    writeFileSync(path.join(dir, WIDGET), '{ "type": "object", ');
    const r = specDiff(dir);
    expect(r.stderr).toMatch(/^spec:diff: working tree: API widgets@v1: specs\/widgets\/components\/Widget\.json(:\d+:\d+)?: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it('no main branch and no --base: says to pass --base', () => {
    const dir = repo();
    git(dir, 'branch', '-q', '-D', 'main');
    const r = specDiff(dir);
    expect(r.stderr).toBe('spec:diff: no main or origin/main branch to compare with: pass --base REF\n');
    expect(r.status).toBe(2);
  });
});

describe("spec:diff on a scratch copy of this repo's specs", () => {
  it('every API bundles at both sides (with the repo plugin) and an unchanged tree passes', () => {
    const files: Record<string, string> = {};
    const tracked = spawnSync('git', ['ls-files', '-z', 'redocly.yaml', 'specs', 'tools/redocly-plugin'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    for (const rel of tracked) files[rel] = readFileSync(path.join(REPO, rel), 'utf8');
    const dir = repo(files);
    const r = specDiff(dir);
    const aliases = [...readFileSync(path.join(REPO, 'redocly.yaml'), 'utf8').matchAll(/^ {2}([\w-]+@[\w.-]+):/gm)].map((m) => m[1]);
    expect(aliases.length).toBeGreaterThanOrEqual(3);
    for (const alias of aliases) expect(r.stdout).toContain(`${alias}: no changes`);
    expect(r.status).toBe(0);
  });
});

