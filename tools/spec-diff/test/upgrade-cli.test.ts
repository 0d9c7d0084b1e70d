// `pnpm upgrade-guide` end to end: the committed guides match the specs (CI's drift check, the same
// as `pnpm upgrade-guide --check`), and on a scratch copy of the repo's specs a stale or missing
// guide fails --check while writing makes it pass again.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GUIDES } from '../src/upgrade/index.js';

const BIN = fileURLToPath(new URL('../bin/upgrade-guide.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const scratch: string[] = [];
afterAll(() => { for (const d of scratch) rmSync(d, { recursive: true, force: true }); });

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files the guides are built from, and the guides, copied into a temp folder. */
function scratchCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'upgrade-guide-test-'));
  scratch.push(dir);
  const tracked = spawnSync('git', ['ls-files', '-z', 'redocly.yaml', 'specs', 'tools/redocly-plugin', 'tools/spec-diff/guides', 'docs/upgrade'], { cwd: REPO, encoding: 'utf8' })
    .stdout.split('\0').filter((f) => f && !f.includes('/upstream/'));
  for (const rel of tracked) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), readFileSync(path.join(REPO, rel)));
  }
  return dir;
}

describe('upgrade-guide', () => {
  it('--check: the committed guides are what the specs give (run `pnpm upgrade-guide` when this fails)', () => {
    const r = run(REPO, '--check');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`upgrade-guide --check: ${GUIDES.length} guide(s) up to date (${GUIDES.map((g) => g.file).join(', ')}).\n`);
    expect(r.status).toBe(0);
    for (const g of GUIDES) expect(readFileSync(path.join(REPO, g.file), 'utf8').split('\n')[0]).toMatch(/^<!-- generated, do not edit: /);
  });

  it('a hand-edited or missing guide fails --check naming the file; writing restores the same bytes', () => {
    const dir = scratchCopy();
    const [first, second] = GUIDES;
    const file = path.join(dir, first!.file);
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace('| **breaking** |', '| non-breaking |'));
    rmSync(path.join(dir, second!.file));
    let r = run(dir, '--check');
    expect(r.stderr).toMatch(new RegExp(`^upgrade-guide --check: ${first!.file.replace(/\./g, '\\.')}: differs from the specs from line \\d+\\n`));
    expect(r.stderr).toContain(`upgrade-guide --check: ${second!.file}: missing\n`);
    expect(r.stderr).toContain('2 guide(s) stale; run `pnpm upgrade-guide` and commit the result.');
    expect(r.status).toBe(1);

    r = run(dir);
    expect(r.stdout).toBe(`wrote ${first!.file}\nwrote ${second!.file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(committed);
    expect(run(dir, '--check').status).toBe(0);
  });

  it('a spec change shows up in the guide', () => {
    const dir = scratchCopy();
    const guide = GUIDES.find((g) => g.to === 'azure@v8.1')!;
    const before = readFileSync(path.join(dir, guide.file), 'utf8');
    const pathFile = path.join(dir, 'specs/azure/v8.1/paths/jobSessions_{sessionId}_log.yaml');
    // v8.1 stops answering 403 on the session log: listed as a removed status code, breaking.
    const yaml = readFileSync(pathFile, 'utf8');
    expect(yaml).toMatch(/^ {4}'?403'?:/m);
    writeFileSync(pathFile, yaml.replace(/^ {4}'?403'?:.*\n(?: {6,}.*\n)*/m, ''));
    expect(run(dir, '--check').status).toBe(1);
    expect(run(dir).status).toBe(0);
    const after = readFileSync(path.join(dir, guide.file), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toMatch(/\| status code \| response 403 \| removed \| \*\*breaking\*\* \|/);
  });

  it.each([
    [['--frobnicate'], /^upgrade-guide: Unknown option '--frobnicate'/],
    [['--root', '/nonexistent-dir'], /^upgrade-guide: --root \/nonexistent-dir: no redocly\.yaml there\n$/],
  ])('usage errors exit 2 in one line: %j', (args, message) => {
    const r = run(REPO, ...args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  });

  it('an API missing from the registry is named, exit 2', () => {
    const dir = scratchCopy();
    const reg = path.join(dir, 'redocly.yaml');
    writeFileSync(reg, readFileSync(reg, 'utf8').replace(/^ {2}m365@v8:\n(?: {4}.*\n)*/m, ''));
    const r = run(dir, '--check');
    expect(r.stderr).toMatch(/^upgrade-guide: docs\/upgrade\/m365-v3-to-v8\.md: API m365@v8 is not in redocly\.yaml \(registered: [^)]*m365@v3[^)]*\)\n$/);
    expect(r.status).toBe(2);
  });
});
