// `record` against the real mock server on 127.0.0.1: the recordings it writes pass `check` and hold
// no secret (password, session id, access or refresh token), with and without host redaction.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/mock/index.js';
import type { Product } from '../src/types.js';
import { runCli, tempDir } from './helpers.js';

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
      const r = await runCli(['record', '--product', product, '--base-url', mock.origin, '--username', USER, '--out', out, ...(redactHosts ? ['--redact-hosts'] : [])], { env: { VEEAM_PASSWORD: PASSWORD } });
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
