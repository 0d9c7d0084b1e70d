// The CLI's modes: per-command --help from the option tables, --allow additive on recordings made from
// genuine bodies (kinds in every report format), and the exit code of an internal error.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_COMMAND } from '../src/cli/check.js';
import { MOCK_COMMAND } from '../src/cli/mock.js';
import { RECORD_COMMAND } from '../src/cli/record.js';
import { EXIT, run } from '../src/cli/run.js';
import { VALIDATE_COMMAND } from '../src/cli/validate.js';
import { packageDir, recordingsDir, runCli, tempDir } from './helpers.js';

describe('--help of each command comes from its option table', () => {
  it.each([CHECK_COMMAND, VALIDATE_COMMAND, MOCK_COMMAND, RECORD_COMMAND].map((c) => [c.name, c] as const))('%s --help: usage, every option, exit codes; exit 0', async (name, cmd) => {
    const r = await runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(`usage: veeam-contract ${name} `)).toBe(true);
    for (const option of Object.keys(cmd.options)) expect(r.stdout).toContain(`--${option}`);
    expect(r.stdout).toMatch(/\nexit: 0 /);
  });

  it('the overview names each command and how to get its help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['check', 'validate', 'mock', 'record']) expect(r.stdout).toContain(`usage: veeam-contract ${name} `);
    expect(r.stdout).toContain('veeam-contract <command> --help');
    expect(r.stdout).toContain('--allow additive');
  });

  it('a required option is named with the way to help', async () => {
    const r = await runCli(['validate', '--status', '200', 'x.json']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toBe('veeam-contract: validate: --request is required (see veeam-contract validate --help)\n');
  });

  it('a bad --allow value is a usage error listing the choices', async () => {
    const r = await runCli(['check', '--allow', 'breaking']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toBe('veeam-contract: check: --allow must be one of additive, got "breaking"\n');
  });
});

describe('check --allow additive on recordings made from a genuine body', () => {
  const tmp = tempDir('allow');
  afterAll(() => tmp.cleanup());
  const genuine = path.join(recordingsDir, 'enterprise-manager', 'getJob', '200-entity-backup.xml');
  const original = readFileSync(genuine, 'utf8');

  /** A recording folder holding one mutant of the genuine body (its sidecar copied). */
  function corpus(name: string, body: string): string {
    const dir = path.join(tmp.dir, name, 'enterprise-manager', 'getJob');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '200-entity-backup.xml'), body);
    cpSync(`${genuine}.meta.json`, path.join(dir, '200-entity-backup.xml.meta.json'));
    return path.join(tmp.dir, name);
  }
  const added = corpus('added', original.replace('<JobType>Backup</JobType>', '<JobType>Backup</JobType><ImmutabilityDays>7</ImmutabilityDays>'));
  const addedAndBroken = corpus('both', original.replace('<JobType>Backup</JobType>', '<JobType>Backup</JobType><ImmutabilityDays>7</ImmutabilityDays>').replace('<RetryTimes>3</RetryTimes>', '<RetryTimes>three</RetryTimes>'));

  it('strict (the default): the new member fails, its kind shown', { timeout: 60_000 }, async () => {
    const r = await runCli(['check', added]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*200-entity-backup\.xml +enterprise-manager@v1 getJob +\[invalid\]/);
    expect(r.stdout).toMatch(/\n {2}\[xml-unknown-element\] at 1:\d+: cvc-complex-type\.2\.4\.a: .*ImmutabilityDays/);
  });

  it('--allow additive: passes, the drift listed under its own heading with its kind', { timeout: 60_000 }, async () => {
    const r = await runCli(['check', added, '--allow', 'additive']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Drift (additive differences allowed by --allow additive; these bodies pass):\nDRIFT ');
    expect(r.stdout).toMatch(/\n {2}\[xml-unknown-element\] at 1:\d+: /);
    expect(r.stdout).toMatch(/1 checked: 1 valid \(1 with allowed drift\), 0 failed/);
    expect(r.stdout).not.toContain('FAIL');
  });

  it('--allow additive with JSON and JUnit reports: drift with kinds, no failure', { timeout: 60_000 }, async () => {
    const junit = path.join(tmp.dir, 'reports', 'contract.xml');
    const r = await runCli(['check', added, '--allow', 'additive', '--format', 'json', '--junit-file', junit]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { summary: { valid: number; failed: number; withDrift: number }; results: { outcome: string; errors: unknown[]; drift: { kind: string; additive: boolean }[] }[] };
    expect(doc.summary).toMatchObject({ valid: 1, failed: 0, withDrift: 1 });
    expect(doc.results[0]).toMatchObject({ outcome: 'valid', errors: [], drift: [{ kind: 'xml-unknown-element', additive: true }] });
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('failures="0"');
    expect(xml).toMatch(/<system-out>additive differences \(allowed\):\n\[xml-unknown-element\] 1:\d+: /);
  });

  it('an additive difference with a breaking one still fails, the breaking one first', { timeout: 60_000 }, async () => {
    const r = await runCli(['check', addedAndBroken, '--allow', 'additive', '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/<failure type="invalid" message="\[type\] 1:\d+: cvc-datatype-valid/);
    expect(r.stdout).toContain('additive differences (allowed):\n[xml-unknown-element]');
  });

  it('validate --allow additive: a new status of a genuine VB365 session list is valid, the drift printed', async () => {
    const body = JSON.parse(readFileSync(path.join(recordingsDir, 'm365', 'listJobSessions', '200.json'), 'utf8')) as { status: string }[];
    body[0]!.status = 'Paused';
    const argv = ['validate', '--request', 'GET /v3/JobSessions', '--status', '200', '--content-type', 'application/json', '-'];
    const strict = await runCli(argv, { stdin: JSON.stringify(body) });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/\[enum\] at \/0\/status: value is not one of the allowed values/);
    const allowed = await runCli([...argv, '--allow', 'additive'], { stdin: JSON.stringify(body) });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/^valid: m365@v3 listJobSessions/);
    expect(allowed.stdout).toMatch(/DRIFT .*\n {2}\[enum\] at \/0\/status: .*actual "Paused"/);
  });
});

describe('an internal error (a bug of ours)', () => {
  /** run() with a stdout whose write fails: the report cannot be written, no user mistake involved. */
  async function runBroken(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await run(['validate', '--request', 'GET /v3/JobSessions', '--status', '200', path.join(recordingsDir, 'm365', 'listJobSessions', '200.json')], {
      stdout: { write: () => { throw new TypeError('report sink rejected the write'); } },
      stderr: { write: (s: string) => ((stderr += s), true) },
      stdin: Readable.from([]),
      env,
      cwd: packageDir,
    });
    return { code, stderr };
  }

  it('exits 70 with one line and the hint, no stack', async () => {
    const r = await runBroken({});
    expect(r.code).toBe(70);
    expect(r.stderr).toBe('veeam-contract: internal error (please report): TypeError: report sink rejected the write (set VEEAM_CONTRACT_DEBUG=1 for the stack)\n');
  });

  it('prints the stack with VEEAM_CONTRACT_DEBUG=1', async () => {
    const r = await runBroken({ VEEAM_CONTRACT_DEBUG: '1' });
    expect(r.code).toBe(70);
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toBe('veeam-contract: internal error (please report): TypeError: report sink rejected the write');
    expect(rest[0]).toBe('TypeError: report sink rejected the write');
    expect(rest.slice(1).every((l) => /^\s+at /.test(l))).toBe(true);
    expect(rest.length).toBeGreaterThan(1);
  });
});
