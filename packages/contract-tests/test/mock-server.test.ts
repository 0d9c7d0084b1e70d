// The mock server against a tiny fixture registry (test/fixtures/mini-root): routing, negotiation,
// representations, auth flows, 401/404/405/406, link rewriting and the fault-injection hook.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/mock/index.js';

const rootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'mini-root');
const basic = `Basic ${Buffer.from('admin:password').toString('base64')}`;
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function emLogon(m: MockServer): Promise<string> {
  const res = await fetch(`${m.url}/sessionMngr/?v=latest`, { method: 'POST', headers: { authorization: basic } });
  expect(res.status).toBe(201);
  const id = res.headers.get('x-restsvcsessionid');
  expect(id).toBeTruthy();
  return id!;
}

describe('enterprise-manager mock', () => {
  it('logs on with Basic auth, serves XML by default and JSON by Accept, then logs off', async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const sid = await emLogon(mock);

    const xml = await fetch(`${mock.url}/backupSessions/1`, { headers: { 'x-restsvcsessionid': sid } });
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    const xmlText = await xml.text();
    expect(xmlText).toContain('<EntityRef');
    // Links point back at the mock so they can be followed on loopback.
    expect(xmlText).toContain(`Href="${mock.url}/backupSessions/1"`);

    const entity = await fetch(`${mock.url}/backupSessions/1?format=Entity`, { headers: { 'x-restsvcsessionid': sid, accept: 'application/json' } });
    expect(entity.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await entity.json()).toMatchObject({ Type: 'BackupJobSession', State: 'Stopped' });

    const refJson = await fetch(`${mock.url}/backupSessions/1`, { headers: { 'x-restsvcsessionid': sid, accept: 'application/json' } });
    expect(await refJson.json()).toEqual({ Type: 'BackupJobSessionReference', Href: `${mock.url}/backupSessions/1` });

    // X-RestSvcSessionId is base64 of the logon session GUID, which names the session to delete.
    const guid = Buffer.from(sid, 'base64').toString('utf8');
    const bye = await fetch(`${mock.url}/logonSessions/${guid}`, { method: 'DELETE', headers: { 'x-restsvcsessionid': sid } });
    expect(bye.status).toBe(204);
    const after = await fetch(`${mock.url}/backupSessions/1`, { headers: { 'x-restsvcsessionid': sid } });
    expect(after.status).toBe(401);
    expect(mock.requests.map((r) => r.status)).toEqual([201, 200, 200, 200, 204, 401]);
  });

  it('logoff revokes the session named in the path, not the one presented; an unknown ID is 404', async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir });
    const [a, b] = [await emLogon(mock), await emLogon(mock)];
    const guidOf = (sid: string) => Buffer.from(sid, 'base64').toString('utf8');
    const get = (sid: string) => fetch(`${mock!.url}/backupSessions/1`, { headers: { 'x-restsvcsessionid': sid } }).then((r) => r.status);
    const del = (id: string, sid: string) => fetch(`${mock!.url}/logonSessions/${id}`, { method: 'DELETE', headers: { 'x-restsvcsessionid': sid } }).then((r) => r.status);
    expect(await del('5496707f-c814-47ce-8d6d-110aa03cec03', b)).toBe(404);
    expect(await get(b)).toBe(200);
    expect(await del(guidOf(a).toUpperCase(), b)).toBe(204);
    expect(await get(a)).toBe(401);
    expect(await get(b)).toBe(200);
    expect(await del(guidOf(a), b)).toBe(404);
    expect(await del(guidOf(b), b)).toBe(204);
    expect(await get(b)).toBe(401);
  });

  it('answers 401 with the spec example for missing or wrong credentials', async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir });
    const none = await fetch(`${mock.url}/backupSessions/1`);
    expect(none.status).toBe(401);
    expect(await none.text()).toContain('StatusCode="401"');
    const wrong = await fetch(`${mock.url}/sessionMngr/`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('admin:nope').toString('base64')}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('expires sessions after tokenTtlSeconds', async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir, tokenTtlSeconds: 0 });
    const sid = await emLogon(mock);
    const res = await fetch(`${mock.url}/backupSessions/1`, { headers: { 'x-restsvcsessionid': sid } });
    expect(res.status).toBe(401);
  });

  it('answers 404, 405 and 406', async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir });
    const sid = await emLogon(mock);
    expect((await fetch(`${mock.url}/nothingHere`, { headers: { 'x-restsvcsessionid': sid } })).status).toBe(404);
    const put = await fetch(`${mock.url}/backupSessions/1`, { method: 'PUT', headers: { 'x-restsvcsessionid': sid } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET');
    const html = await fetch(`${mock.url}/backupSessions/1`, { headers: { 'x-restsvcsessionid': sid, accept: 'text/html' } });
    expect(html.status).toBe(406);
  });

  it('lets a hook answer first (fault injection)', async () => {
    mock = await startMockServer({
      product: 'enterprise-manager',
      rootDir,
      hook: (req, res) => {
        if (!req.url?.includes('boom')) return false;
        res.writeHead(503, { 'retry-after': '1' }).end();
        return true;
      },
    });
    expect((await fetch(`${mock.url}/boom`)).status).toBe(503);
    expect((await fetch(`${mock.url}/backupSessions/1`)).status).toBe(401);
  });
});

describe('request log', () => {
  const post = (m: MockServer, body: Blob) => fetch(`${m.url}/backupSessions/1`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } }).then((r) => r.arrayBuffer());

  it('stays bounded under 600 POSTs of 900 KB: no large bodies kept by default', { timeout: 300_000 }, async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir });
    const body = new Blob(['x'.repeat(900 * 1024)]);
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 600; i += 4) await Promise.all([0, 1, 2, 3].map(() => post(mock!, body)));
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(mock.requestCount).toBe(600);
    expect(mock.requests).toHaveLength(600);
    expect(mock.requests.every((r) => r.status === 405 && r.bodyBytes === body.size && !r.bodyKept && r.body === '')).toBe(true);
    expect(mock.requests.reduce((n, r) => n + r.body.length, 0)).toBe(0);
    expect(mock.loggedBodyBytes).toBe(0);
    // 600 x 900 KB = 527 MiB went through; kept, it grew the RSS by about that much.
    expect(rssGrowth).toBeLessThan(300 * 1024 * 1024);
  });

  it('keeps the newest entries and, on request, bodies within a byte budget', { timeout: 120_000 }, async () => {
    mock = await startMockServer({ product: 'enterprise-manager', rootDir, requestLog: { maxEntries: 50, bodies: 'all', maxBodyBytes: 2 * 1024 * 1024 } });
    for (let i = 0; i < 120; i++) await post(mock, new Blob([String(i % 10).repeat(900 * 1024)]));
    expect(mock.requestCount).toBe(120);
    expect(mock.requests).toHaveLength(50);
    expect(mock.loggedBodyBytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    const kept = mock.requests.filter((r) => r.bodyKept);
    // The two newest bodies fit the budget; older ones were dropped first.
    expect(kept).toEqual(mock.requests.slice(-2));
    expect(kept.map((r) => r.body[0])).toEqual(['8', '9']);
    expect(kept.reduce((n, r) => n + r.body.length, 0)).toBe(mock.loggedBodyBytes);
  });

  it('keeps small bodies (token forms) by default and none with bodies: none', async () => {
    for (const [bodies, want] of [[undefined, 'grant_type=password&username=admin&password=password'], ['none', '']] as const) {
      const m = await startMockServer({ product: 'm365', rootDir, ...(bodies ? { requestLog: { bodies } } : {}) });
      try {
        await fetch(`${m.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: want || 'grant_type=password&username=admin&password=password' });
        expect(m.requests[0]!.body).toBe(want);
      } finally {
        await m.close();
      }
    }
  });
});

describe('replaying recordings', () => {
  it('answers a request that matches a recording with it, others with the examples', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'veeam-replay-'));
    try {
      const op = path.join(dir, 'enterprise-manager', 'getBackupSession');
      mkdirSync(op, { recursive: true });
      const body = '<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0" Type="BackupJobSession" Href="https://em.example.com:9398/api/backupSessions/77?format=Entity"><State>Working</State></BackupJobSession>';
      writeFileSync(path.join(op, '200-entity.xml'), body);
      writeFileSync(path.join(op, '200-entity.xml.meta.json'), JSON.stringify({ method: 'GET', url: 'https://em.example.com:9398/api/backupSessions/77?format=Entity', status: 200, contentType: 'application/xml; charset=utf-8', origin: 'recorded' }));
      mock = await startMockServer({ product: 'enterprise-manager', rootDir, recordingsDir: dir });
      const sid = await emLogon(mock);
      const replayed = await fetch(`${mock.url}/backupSessions/77?format=entity`, { headers: { 'x-restsvcsessionid': sid } });
      expect(replayed.status).toBe(200);
      expect(await replayed.text()).toBe(body.replace('https://em.example.com:9398/api', mock.url));
      const other = await fetch(`${mock.url}/backupSessions/78?format=Entity`, { headers: { 'x-restsvcsessionid': sid } });
      expect(await other.text()).toContain('<State>Stopped</State>');
      // Recorded as XML only: a JSON-only client is refused rather than served the wrong thing.
      expect((await fetch(`${mock.url}/backupSessions/77?format=Entity`, { headers: { 'x-restsvcsessionid': sid, accept: 'application/json' } })).status).toBe(406);
      // Auth still applies to replayed responses.
      expect((await fetch(`${mock.url}/backupSessions/77?format=Entity`)).status).toBe(401);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('m365 mock', () => {
  it('runs the password and refresh_token grants; refresh tokens are single-use', async () => {
    mock = await startMockServer({ product: 'm365', rootDir, users: [{ username: 'u@example.com', password: 's3cret' }] });
    expect(mock.url).toMatch(/\/v3$/);
    const form = (f: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(f).toString() });
    const bad = await fetch(`${mock.url}/token`, form({ grant_type: 'password', username: 'u@example.com', password: 'x' }));
    expect(bad.status).toBe(400);
    const tok = (await (await fetch(`${mock.url}/token`, form({ grant_type: 'password', username: 'u@example.com', password: 's3cret' }))).json()) as Record<string, string>;
    expect(tok.token_type).toBe('bearer');
    expect(tok.access_token).not.toBe('x');

    // Case-insensitive paths, as VB365's own links use them.
    const list = await fetch(`${mock.url}/jobs/j1/jobsessions`, { headers: { authorization: `Bearer ${tok.access_token}` } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { _links: { self: { href: string } } }[];
    expect(body[0]!._links.self.href).toBe(`${mock.url}/jobsessions/a`);

    const refreshed = await fetch(`${mock.url}/token`, form({ grant_type: 'refresh_token', refresh_token: tok.refresh_token! }));
    expect(refreshed.status).toBe(200);
    const again = await fetch(`${mock.url}/token`, form({ grant_type: 'refresh_token', refresh_token: tok.refresh_token! }));
    expect(again.status).toBe(400);

    const denied = await fetch(`${mock.url}/Jobs/j1/JobSessions`, { headers: { authorization: 'Bearer nope' } });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ message: 'Authorization has been denied for this request.' });
  });
});
