// `record` against the real mock server on 127.0.0.1: the recordings it writes pass `check` and hold
// no secret (password, session id, access or refresh token), with and without host redaction.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/mock/index.js';
import type { Product } from '../src/types.js';
import { runCli, spawnCli, tempDir } from './helpers.js';

const PASSWORD = 'Tr0ub4dor&3-secret';
const USER = 'recorder@example.com';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every credential the mock handed out or received, as seen in its request log. */
function secretsSeen(mock: MockServer): string[] {
  const out = new Set<string>([PASSWORD]);
  for (const r of mock.requests) {
    const sid = r.headers['x-restsvcsessionid'];
    if (typeof sid === 'string') {
      out.add(sid);
      out.add(Buffer.from(sid, 'base64').toString('utf8')); // the logon session GUID
    }
    const bearer = /^Bearer (\S+)$/.exec(String(r.headers.authorization ?? ''))?.[1];
    if (bearer) out.add(bearer);
    const refresh = new URLSearchParams(r.body).get('refresh_token');
    if (refresh) out.add(refresh);
  }
  return [...out];
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('record');
});
afterAll(() => tmp.cleanup());

describe('password prompt', () => {
  it('reads the password from a terminal without echoing it when VEEAM_PASSWORD is unset', async () => {
    const mock = await startMockServer({ product: 'm365', users: [{ username: USER, password: PASSWORD }] });
    const out = path.join(tmp.dir, 'prompted');
    try {
      const r = await runCli(['record', '--product', 'm365', '--base-url', mock.url, '--username', USER, '--out', out], { stdin: `${PASSWORD}\r`, stdinTty: true });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Password for ${USER}: `);
      expect(r.stderr).not.toContain(PASSWORD);
    } finally {
      await mock.close();
    }
  });

  it('refuses to run without VEEAM_PASSWORD when stdin is not a terminal', async () => {
    const r = await runCli(['record', '--product', 'm365', '--base-url', 'http://127.0.0.1:9/v3', '--username', USER]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/set VEEAM_PASSWORD/);
  });
});

describe.each<[Product, boolean]>([
  ['enterprise-manager', true],
  ['m365', true],
  ['azure', false],
])('record %s (redact hosts: %s)', (product, redactHosts) => {
  it('writes recordings that check accepts and that contain no secret', { timeout: 60_000 }, async () => {
    const mock = await startMockServer({ product, users: [{ username: USER, password: PASSWORD }] });
    const out = path.join(tmp.dir, product);
    try {
      // EM has one API version: its bare origin is enough (record adds /api). m365 and azure have two: the URL names one.
      const baseUrl = product === 'enterprise-manager' ? mock.origin : mock.url;
      const r = await runCli(['record', '--product', product, '--base-url', baseUrl, '--username', USER, '--out', out, ...(redactHosts ? ['--redact-hosts'] : [])], { env: { VEEAM_PASSWORD: PASSWORD } });
      expect(r.stderr).not.toMatch(/skipped|warning/);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^wrote \d+ recordings/);
    } finally {
      await mock.close();
    }
    const files = filesUnder(out);
    const bodies = files.filter((f) => !f.endsWith('.meta.json'));
    // Level 0 (parameterless GETs) plus at least one followed link, plus the logon exchange.
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    const ops = new Set(bodies.map((f) => path.basename(path.dirname(f))));
    expect(ops.has(product === 'enterprise-manager' ? 'createLogonSession' : 'createToken')).toBe(true);
    expect([...ops].some((op) => op.startsWith('get'))).toBe(true);

    const secrets = secretsSeen(mock);
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const s of secrets) expect(text.includes(s), `${f} contains a secret`).toBe(false);
      if (redactHosts) expect(text).not.toContain('127.0.0.1');
      if (product === 'enterprise-manager' && f.endsWith('.xml')) expect(text).toContain('xmlns="http://www.veeam.com/ent/v1.0"');
    }
    if (product === 'enterprise-manager') {
      // Logged off at the end.
      expect(mock.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
    }

    const check = await runCli(['check', out, '--format', 'json']);
    const doc = JSON.parse(check.stdout) as { results: { source: string; outcome: string; errors: unknown[] }[] };
    const failures = doc.results.filter((x) => x.outcome !== 'valid');
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    expect(check.code).toBe(0);
  });
});

/** A port on 127.0.0.1 that nothing listens on (bound once, then closed). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The shape every user error has: exit 2, one line on stderr, no stack, nothing on stdout. */
function expectOneLine(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^veeam-contract: /);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr).toMatch(message);
}

describe('record: user errors are one line and exit 2', () => {
  it.each<[Product, RegExp]>([
    ['enterprise-manager', /EM logon \(POST http:\/\/127\.0\.0\.1:\d+\/api\/sessionMngr\/\?v=latest\) failed: HTTP 401 \(wrong user name or password\?\)/],
    ['m365', /token request \(POST http:\/\/127\.0\.0\.1:\d+\/v3\/token\) failed: HTTP 400 \(wrong user name or password\?\)/],
  ])('%s: wrong password', async (product, message) => {
    const mock = await startMockServer({ product, users: [{ username: USER, password: PASSWORD }] });
    try {
      const r = await runCli(['record', '--product', product, '--base-url', mock.url, '--username', USER, '--out', path.join(tmp.dir, 'wrong')], { env: { VEEAM_PASSWORD: 'not-the-password' } });
      expectOneLine(r, message);
      expect(r.stderr).not.toContain('not-the-password');
    } finally {
      await mock.close();
    }
  });

  it('unreachable host (connection refused), in process and as a real process', { timeout: 120_000 }, async () => {
    const port = await closedPort();
    const argv = ['record', '--product', 'azure', '--base-url', `http://127.0.0.1:${port}/api/v2`, '--username', USER, '--out', path.join(tmp.dir, 'refused')];
    expectOneLine(await runCli(argv, { env: { VEEAM_PASSWORD: PASSWORD } }), /ECONNREFUSED .*nothing listens there/);
    expectOneLine(spawnCli(argv, { env: { VEEAM_PASSWORD: PASSWORD } }), /ECONNREFUSED/);
  });

  it('TLS failure: https:// to a plain HTTP port', async () => {
    const mock = await startMockServer({ product: 'enterprise-manager', users: [{ username: USER, password: PASSWORD }] });
    try {
      const r = await runCli(['record', '--product', 'enterprise-manager', '--base-url', mock.url.replace('http:', 'https:'), '--username', USER, '--out', path.join(tmp.dir, 'tls')], { env: { VEEAM_PASSWORD: PASSWORD } });
      expectOneLine(r, /POST https:\/\/127\.0\.0\.1:\d+\/api\/sessionMngr\/\?v=latest: .*(EPROTO|SSL|TLS)/i);
    } finally {
      await mock.close();
    }
  });

  it('a bare origin is a usage error when the product has several API versions', async () => {
    const r = await runCli(['record', '--product', 'm365', '--base-url', 'http://127.0.0.1:9', '--username', USER], { env: { VEEAM_PASSWORD: PASSWORD } });
    expectOneLine(r, /has no base path of m365 \(\/v3 m365@v3, \/v8 m365@v8\): add it to the URL or name the API with --api/);
  });

  it.each(['http://exa mple.com/api', 'http://[::1/api', 'https://', 'ftp://em.example.com/api'])('a bad --base-url is a usage error: %s', async (url) => {
    const r = await runCli(['record', '--product', 'enterprise-manager', '--base-url', url, '--username', USER], { env: { VEEAM_PASSWORD: PASSWORD } });
    expectOneLine(r, /--base-url must be an http\(s\) URL/);
  });
});
