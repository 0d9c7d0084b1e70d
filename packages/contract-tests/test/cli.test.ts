// The CLI's contract: exit codes 0/1/2, parseable json and junit output, one-line usage errors,
// sidecar and HAR input handling, and `validate` from a file or stdin.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir, recordingsDir, runCli, spawnCli, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let validDir: string;
let invalidDir: string;
const m365Seed = path.join(recordingsDir, 'm365', 'listJobSessionsForJob', '200.json');

beforeAll(() => {
  tmp = tempDir('cli');
  validDir = path.join(tmp.dir, 'valid');
  cpSync(path.join(recordingsDir, 'm365'), path.join(validDir, 'm365'), { recursive: true });
  cpSync(path.join(recordingsDir, 'enterprise-manager', 'getBackupSession'), path.join(validDir, 'enterprise-manager', 'getBackupSession'), { recursive: true, filter: (f) => !/\/(401|404)[^/]*$/.test(f) });
  // One invalid recording: the seed with a misspelled status enum.
  invalidDir = path.join(tmp.dir, 'invalid', 'm365', 'listJobSessionsForJob');
  mkdirSync(invalidDir, { recursive: true });
  writeFileSync(path.join(invalidDir, '200.json'), readFileSync(m365Seed, 'utf8').replace('"status": "Success"', '"status": "Sucess"'));
  cpSync(`${m365Seed}.meta.json`, path.join(invalidDir, '200.json.meta.json'));
});
afterAll(() => tmp.cleanup());

describe('exit codes', () => {
  it('0 when every response is valid, with a coverage table', async () => {
    const r = await runCli(['check', validDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ checked: (\d+) valid, 0 failed/);
    expect(r.stdout).toContain('| m365@v3 | 8 |'); // operations of specs/m365/v3
    expect(r.stdout).toMatch(/m365@v3 without recordings: .*createToken/);
  });

  it('1 when a response is invalid, naming file, operation, pointer, expected and actual', async () => {
    const r = await runCli(['check', path.join(tmp.dir, 'invalid')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*invalid\/m365\/listJobSessionsForJob\/200\.json\s+m365@v3 listJobSessionsForJob\s+\[invalid\]/);
    expect(r.stdout).toMatch(/at \/0\/status: .*expected .*Success.*actual "Sucess"/);
  });

  const usageCases = [['check', '--format', 'yaml'], ['frobnicate'], ['validate', '--product', 'nope'], ['check', 'missing-dir'], ['record', '--product', 'm365', '--base-url', 'http://127.0.0.1:9/v3', '--username', 'u', '--password', 'p'], ['mock', '--product', 'azure', '--port', '99999'], ['check', '--max-body-mb', '0']];
  it.each(usageCases)('2 with one clear line and no stack: %s', async (...argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^veeam-contract: /);
  });

  it('the real process exits 2 with a single stderr line and no stack', { timeout: 60_000 }, () => {
    for (const argv of [['check', '--format', 'yaml'], ['check', 'missing-dir']]) {
      const r = spawnCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^veeam-contract: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('2 for an empty directory: nothing checked is not a pass', async () => {
    const empty = path.join(tmp.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await runCli(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to check/);
  });
});

describe('--product', () => {
  it('checks only that product\'s recordings and coverage when given a mixed tree', async () => {
    const r = await runCli(['check', validDir, '--product', 'm365', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { api: string }[]; skipped: { reason: string }[]; coverage: { api: string }[] };
    expect(new Set(doc.results.map((x) => x.api))).toEqual(new Set(['m365@v3']));
    expect(doc.skipped.length).toBeGreaterThan(0);
    expect(doc.skipped[0]!.reason).toBe('recorded for enterprise-manager, not --product m365');
    // Coverage lists every version of the product, recorded or not.
    expect(doc.coverage.map((c) => c.api)).toEqual(['m365@v3', 'm365@v8']);
  });
});

describe('progress bar', () => {
  it('is drawn on a terminal for long runs and never on a pipe', { timeout: 60_000 }, async () => {
    const dir = path.join(tmp.dir, 'many', 'm365', 'listJobSessionsForJob');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 60; i++) {
      cpSync(m365Seed, path.join(dir, `200-copy${i}.json`));
      cpSync(`${m365Seed}.meta.json`, path.join(dir, `200-copy${i}.json.meta.json`));
    }
    const tty = await runCli(['check', dir], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/\rvalidating \[#+\] 60\/60 100%/);
    expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true);
    // The bar is cleared before the report starts (one terminal shows both streams).
    expect(tty.combined.lastIndexOf('\r\x1b[2K')).toBeLessThan(tty.combined.indexOf('60 checked'));
    expect(tty.stdout).not.toContain('\r');
    const pipe = await runCli(['check', dir]);
    expect(pipe.stderr).toBe('');
    // Short runs stay quiet even on a terminal.
    const short = await runCli(['check', path.join(tmp.dir, 'invalid')], { tty: true });
    expect(short.stderr).toBe('');
  });
});

describe('output formats', () => {
  it('json parses and carries results, summary and coverage', async () => {
    const r = await runCli(['check', path.join(tmp.dir, 'invalid'), '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { summary: { checked: number; failed: number }; results: { ok: boolean; api: string; operationId: string; errors: { path: string }[] }[]; coverage: { api: string }[] };
    expect(doc.summary).toMatchObject({ checked: 1, failed: 1 });
    expect(doc.results[0]).toMatchObject({ ok: false, api: 'm365@v3', operationId: 'listJobSessionsForJob' });
    expect(doc.results[0]!.errors.map((e) => e.path)).toContain('/0/status');
    expect(doc.coverage.map((c) => c.api)).toEqual(['m365@v3']);
  });

  it('junit is well-formed XML with one testcase per response and the failures marked', async () => {
    const junitFile = path.join(tmp.dir, 'out', 'junit.xml');
    const r = await runCli(['check', validDir, path.join(tmp.dir, 'invalid'), '--format', 'junit', '--junit-file', junitFile]);
    expect(r.code).toBe(1);
    for (const text of [r.stdout, readFileSync(junitFile, 'utf8')]) {
      expect(XMLValidator.validate(text)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(text);
      const suites = doc.testsuites.testsuite as { '@_name': string; '@_failures': string; testcase: { failure?: unknown }[] }[];
      const m365 = suites.find((s) => s['@_name'] === 'm365@v3')!;
      expect(m365['@_failures']).toBe('1');
      expect(m365.testcase.filter((t) => t.failure !== undefined)).toHaveLength(1);
      expect(Number(doc.testsuites['@_tests'])).toBeGreaterThan(3);
    }
  });
});

describe('sidecars', () => {
  const cases: [string, (meta: Record<string, unknown>) => unknown, RegExp][] = [
    ['missing status', (m) => ({ ...m, status: undefined }), /200\.json\.meta\.json#\/status: expected an integer status code/],
    ['status as a string', (m) => ({ ...m, status: '200' }), /#\/status: expected an integer .*got "200"/],
    ['unknown origin', (m) => ({ ...m, origin: 'guessed' }), /#\/origin: expected one of seed, published, captured, recorded, got "guessed"/],
    ['constructed origin', (m) => ({ ...m, origin: 'constructed' }), /#\/origin: .*a body written by hand is a spec example, not a recording/],
    ['published without source', (m) => ({ ...m, origin: 'published', source: undefined }), /#\/source: expected where the published body was copied from/],
    ['an edit of another kind', (m) => ({ ...m, edits: [{ kind: 'reformatted' }] }), /#\/edits\/0\/kind: expected one of nbsp-to-space, markdown-unescape, href-amp-escaped, elision-closed/],
    ['unknown field', (m) => ({ ...m, headers: {} }), /#\/headers: unknown sidecar field/],
    ['bad JSON', () => '{ "method": ', /200\.json\.meta\.json: sidecar is not valid JSON/],
    ['nested 100k deep', () => `{"method":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /200\.json\.meta\.json:1:26: nests deeper than 16 levels, not a sidecar/],
  ];
  it.each(cases)('%s is an input error (exit 2) naming the file', async (_name, edit, message) => {
    const dir = path.join(tmp.dir, `sidecar-${_name.replace(/\W+/g, '-')}`, 'm365', 'listJobSessionsForJob');
    mkdirSync(dir, { recursive: true });
    cpSync(m365Seed, path.join(dir, '200.json'));
    const meta = JSON.parse(readFileSync(`${m365Seed}.meta.json`, 'utf8')) as Record<string, unknown>;
    const edited = edit(meta);
    writeFileSync(path.join(dir, '200.json.meta.json'), typeof edited === 'string' ? edited : JSON.stringify(edited));
    const r = await runCli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a body without sidecar is an input error', async () => {
    const dir = path.join(tmp.dir, 'nosidecar', 'm365', 'x');
    mkdirSync(dir, { recursive: true });
    cpSync(m365Seed, path.join(dir, '200.json'));
    const r = await runCli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/200\.json: no sidecar .*200\.json\.meta\.json/);
  });
});

describe('HAR input', () => {
  it('validates Veeam entries (plain and base64 bodies), skips other sites, reports entries without body', async () => {
    const seed = readFileSync(m365Seed, 'utf8');
    const bad = seed.replace('"status": "Success"', '"status": "Sucess"');
    const entry = (url: string, text: string | undefined, encoding?: string, status = 200) => ({
      request: { method: 'GET', url, headers: [{ name: 'Authorization', value: 'Bearer x' }] },
      response: { status, headers: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }], content: { size: text?.length ?? 1234, mimeType: 'application/json', ...(text !== undefined ? { text } : {}), ...(encoding ? { encoding } : {}) } },
    });
    const url = 'https://vb365.example.com:4443/v3/Jobs/00b96531-1a68-4c90-a398-91141ffedb3b/JobSessions';
    const har = { log: { version: '1.2', entries: [
      entry(url, seed),
      entry(url, Buffer.from(seed).toString('base64'), 'base64'),
      entry('https://cdn.example.com/app.js', 'x'),
      entry(url, undefined),
      entry(url, Buffer.from(bad).toString('base64'), 'base64'),
    ] } };
    const file = path.join(tmp.dir, 'session.har');
    writeFileSync(file, JSON.stringify(har));
    const r = await runCli(['check', file, '--format', 'json'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { source: string; ok: boolean; outcome: string; errors: { path: string; message: string }[] }[]; skipped: { source: string }[] };
    expect(doc.results.map((x) => [x.source, x.outcome])).toEqual([
      ['session.har#/log/entries/0', 'valid'],
      ['session.har#/log/entries/1', 'valid'],
      ['session.har#/log/entries/3', 'no-body'],
      ['session.har#/log/entries/4', 'invalid'],
    ]);
    expect(doc.results[2]!.errors[0]!.message).toMatch(/no response body content/);
    expect(doc.results[3]!.errors.map((e) => e.path)).toContain('/0/status');
    expect(doc.skipped).toEqual([{ source: 'session.har#/log/entries/2', reason: 'not a URL of any API in the specs: https://cdn.example.com/app.js' }]);
  });

  it('a file that is not a HAR is an input error naming it', async () => {
    const file = path.join(tmp.dir, 'broken.har');
    writeFileSync(file, '{"log": {}}');
    const r = await runCli(['check', file], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.har#\/log\/entries: expected an array/);
  });
});

describe('validate', () => {
  it('accepts a body on stdin and picks the representation from the query', async () => {
    const body = readFileSync(path.join(recordingsDir, 'enterprise-manager', 'getBackupSession', '200-entity.xml'));
    const ok = await runCli(['validate', '--product', 'enterprise-manager', '--request', 'GET /api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae?format=Entity', '--status', '200', '--content-type', 'application/xml', '-'], { stdin: body });
    expect(ok.stdout).toMatch(/^valid: enterprise-manager@v1 getBackupSession/);
    expect(ok.code).toBe(0);
    // The same entity body without ?format=Entity is the wrong representation.
    const wrong = await runCli(['validate', '--product', 'enterprise-manager', '--request', 'GET /api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae', '--status', '200', '--content-type', 'application/xml', '-'], { stdin: body });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/FAIL <stdin>\s+enterprise-manager@v1 getBackupSession\s+\[invalid\]/);
  });

  it('reports an undocumented operation as its own outcome (exit 1), a missing file as exit 2', async () => {
    const r = await runCli(['validate', '--product', 'm365', '--request', 'GET /v3/Nothing', '--status', '200', m365Seed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[unknown-operation]');
    const missing = await runCli(['validate', '--product', 'm365', '--request', 'GET /v3/JobSessions', '--status', '200', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read \(ENOENT\)/);
    const badRequest = await runCli(['validate', '--product', 'm365', '--request', 'GET', '--status', '200', m365Seed]);
    expect(badRequest.code).toBe(2);
    expect(badRequest.stderr).toMatch(/--request must be "METHOD URL"/);
  });
});

describe('body size limit while reading', () => {
  const mainTs = path.join(packageDir, 'src', 'cli', 'main.ts');
  const validateArgs = ['validate', '--product', 'm365', '--request', 'GET /v3/JobSessions', '--status', '200', '--content-type', 'application/json', '--max-body-mb', '1'];
  const stopped = 'body is more than the limit of 1048576 bytes (reading stopped there)';

  it('validate stops reading an endless stdin at --max-body-mb and reports malformed', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainTs, ...validateArgs, '--format', 'json', '-'], { cwd: packageDir, env: { PATH: process.env.PATH }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let open = true;
    const pump = () => { while (open && child.stdin.write(chunk)); };
    child.stdin.on('drain', pump);
    child.stdin.on('error', () => (open = false));
    pump();
    try {
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      const doc = JSON.parse(stdout) as { results: { outcome: string; operationId: string; errors: { message: string }[] }[] };
      expect(doc.results[0]).toMatchObject({ outcome: 'malformed', operationId: 'listJobSessions', errors: [{ message: stopped }] });
    } finally {
      open = false;
      child.kill('SIGKILL');
    }
  });

  it('validate stops reading a device that never ends (/dev/zero)', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', mainTs, ...validateArgs, '/dev/zero'], { cwd: packageDir, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`at /: ${stopped}`);
  });

  it('check and validate do not read a 512 MB file at all: malformed with its size, RSS stays low', { timeout: 180_000 }, () => {
    const dir = path.join(tmp.dir, 'huge', 'm365', 'listJobSessionsForJob');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '200.json');
    writeFileSync(file, '');
    truncateSync(file, 512 * 1024 * 1024); // sparse: costs no disk
    cpSync(`${m365Seed}.meta.json`, `${file}.meta.json`);
    const script = path.join(tmp.dir, 'rss.mjs');
    writeFileSync(script, [
      'const { run } = await import(process.argv[2]);',
      "let out = '';",
      "const code = await run(process.argv.slice(3), { stdout: { write: (s) => ((out += s), true) }, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: process.cwd() });",
      'process.stdout.write(JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS, out }));',
    ].join('\n'));
    for (const argv of [['check', path.join(tmp.dir, 'huge'), '--format', 'json'], ['validate', '--product', 'm365', '--request', 'GET /v3/Jobs/1/JobSessions', '--status', '200', '--format', 'json', file]]) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, path.join(packageDir, 'src', 'cli', 'run.ts'), ...argv], { cwd: packageDir, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 120_000 });
      const got = JSON.parse(r.stdout) as { code: number; maxRssKiB: number; out: string };
      expect(got.code, r.stderr).toBe(1);
      const entry = (JSON.parse(got.out) as { results: { outcome: string; errors: { message: string }[] }[] }).results[0]!;
      expect(entry).toMatchObject({ outcome: 'malformed', errors: [{ message: `body is ${512 * 1024 * 1024} bytes, more than the limit of 16777216` }] });
      // Reading the file first took more than the file's size (200 MB -> 520 MB RSS).
      expect(got.maxRssKiB * 1024).toBeLessThan(400 * 1024 * 1024);
    }
  });
});

describe('control characters never reach the terminal raw', () => {
  it('text and junit reports escape ANSI/C1/bidi controls from HAR URLs; stderr escapes file names', async () => {
    const seed = readFileSync(m365Seed, 'utf8');
    const evil = 'https://vb365.example.com:4443/v3/\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eNothing';
    const har = { log: { version: '1.2', entries: [{ request: { method: 'GET', url: evil }, response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { size: seed.length, mimeType: 'application/json', text: seed } } }] } };
    const file = path.join(tmp.dir, 'ansi.har');
    writeFileSync(file, JSON.stringify(har));
    const text = await runCli(['check', file], { cwd: tmp.dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('[unknown-operation]');
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text.stdout).toContain('/v3/\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202eNothing');
    const junit = await runCli(['check', file, '--format', 'junit'], { cwd: tmp.dir });
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('\\x1b[2J');
    const missing = await runCli(['check', 'no\u001b[31msuch-dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('veeam-contract: no\\x1b[31msuch-dir: no such file or directory\n');
  });
});
