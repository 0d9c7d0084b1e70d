import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanFixtures, fixtureCopy, GOOD } from './helpers.js';

afterAll(cleanFixtures);
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });

describe('check:specs CLI', () => {
  it('exit 0 and a PASS line per check on correct specs', () => {
    const r = run('--root', GOOD);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^(PASS|FAIL) /.test(l)).map((l) => l.split(':')[0])).toEqual(['PASS lint', 'PASS examples', 'PASS mutation', 'PASS links', 'PASS xsd-consistency', 'PASS conformance']);
  }, 60_000);

  it('exit 1 with file:line:column and no stack trace on a broken spec', () => {
    const root = fixtureCopy({ 'specs/enterprise-manager/paths/backupSessions.yaml': (t) => t.replace('get:', 'get: [') });
    const r = run('--root', root, '--only', 'examples');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL load: the specs could not be bundled\n  ✗ specs\/enterprise-manager\/paths\/backupSessions\.yaml/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  }, 60_000);

  it('exit 2 on a usage error', () => {
    const r = run('--only', 'spelling');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown check "spelling"');
  }, 60_000);
});
