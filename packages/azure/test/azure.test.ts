import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient } from '../src/index.js';

const AUTH = { username: 'admin', password: 'password' };
const EXAMPLE = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../specs/azure/v2/examples/listJobSessions/200.json'), 'utf8'),
);
const TOTAL = 5;

/** Offset/Limit pages over TOTAL sessions cloned from the seed-based example (ids end in their index). */
function page(offset: number, limit: number): string {
  const template = EXAMPLE.results[0];
  const end = limit < 0 ? TOTAL : Math.min(TOTAL, offset + limit);
  const results = [];
  for (let i = offset; i < end; i++) results.push({ ...template, id: `00000000-0000-4000-8000-00000000000${i}` });
  return JSON.stringify({ ...EXAMPLE, offset, limit, totalCount: TOTAL, results });
}

const tokenGrants = (m: MockServer) => m.requests.filter((r) => r.url === '/api/oauth2/token').map((r) => new URLSearchParams(r.body).get('grant_type'));

/**
 * A bare 127.0.0.1 server shaped like a VB for Azure appliance: tokens ONLY at the unversioned
 * POST /api/oauth2/token (anything else under /api/v2 needs the bearer token; /api/v2/oauth2/token is 404).
 */
async function appliance(): Promise<{ origin: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      const send = (status: number, type: string, value: unknown) => res.writeHead(status, { 'content-type': type }).end(JSON.stringify(value));
      if (req.method === 'POST' && req.url === '/api/oauth2/token') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'Password' || form.get('username') !== AUTH.username || form.get('password') !== AUTH.password) {
          return send(401, 'application/problem+json', { title: 'Unauthorized', status: 401 });
        }
        return send(200, 'application/json', { access_token: 'tok-1', token_type: 'bearer', refresh_token: 'ref-1', expires_in: 3600, '.issued': new Date().toISOString(), '.expires': new Date(Date.now() + 3_600_000).toISOString() });
      }
      if (req.method === 'GET' && req.url?.startsWith('/api/v2/jobSessions') && req.headers.authorization === 'Bearer tok-1') {
        return send(200, 'application/json', { ...EXAMPLE, results: EXAMPLE.results.slice(0, 1), totalCount: 1 });
      }
      send(req.headers.authorization ? 404 : 401, 'application/problem+json', { title: 'Not Found', status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('azure against the spec mock', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await mock?.close();
    mock = undefined;
  });

  it('logs in against a server that serves tokens ONLY at the unversioned /api/oauth2/token', async () => {
    const server = await appliance();
    try {
      const vb = createClient({ baseUrl: `${server.origin}/api/v2`, auth: AUTH });
      const { data, error } = await vb.GET('/jobSessions', { params: { query: { Limit: 1 } } });
      expect(error).toBeUndefined();
      expect(data?.results).toHaveLength(1);
      expect(server.seen).toEqual(['POST /api/oauth2/token', 'GET /api/v2/jobSessions?Limit=1']);
    } finally {
      await server.close();
    }
  });

  it('the mock serves createToken only at /api/oauth2/token, not under /api/v2', async () => {
    const m = (mock = await startMockServer({ product: 'azure' }));
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=Password&username=admin&password=password' };
    expect((await fetch(`${m.origin}/api/v2/oauth2/token`, form)).status).toBe(404);
    const ok = await fetch(`${m.origin}/api/oauth2/token`, form);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { access_token?: string }).access_token).toBeTruthy();
    expect((await fetch(`${m.origin}/api/oauth2/token`, { ...form, body: 'grant_type=Password&username=admin&password=wrong' })).status).toBe(401);
  });

  it('a direct typed POST /oauth2/token goes to the token server, not under the base URL', async () => {
    const m = (mock = await startMockServer({ product: 'azure' }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const { data, error, response } = await vb.POST('/oauth2/token', {
      body: { grant_type: 'Password', username: 'admin', password: 'password' },
      bodySerializer: (b: Record<string, string>) => new URLSearchParams(b).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(error).toBeUndefined();
    expect(new URL(response.url).pathname).toBe('/api/oauth2/token');
    expect(data?.token_type).toBe('bearer');
  });

  it('Password grant on /api/oauth2/token, then typed calls', async () => {
    const m = (mock = await startMockServer({ product: 'azure' }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const { data, error } = await vb.GET('/jobSessions', { params: { query: { Limit: 30 } } });
    expect(error).toBeUndefined();
    expect(data?.results.length).toBeGreaterThan(0);
    expect(tokenGrants(m)).toEqual(['Password']);
  });

  it('refreshes with the Refresh_token grant; 20 concurrent calls share one refresh', async () => {
    const m = (mock = await startMockServer({ product: 'azure', tokenTtlSeconds: 2 }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    // Only Date is faked (client and in-process mock read the same clock): load cannot expire the token early.
    vi.useFakeTimers({ toFake: ['Date'] });
    await vb.GET('/jobSessions');
    vi.setSystemTime(Date.now() + 1100); // past half the lifetime: renewal due, token still valid
    const results = await Promise.all(Array.from({ length: 20 }, () => vb.GET('/jobSessions')));
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(tokenGrants(m)).toEqual(['Password', 'Refresh_token']);
  });

  it('paginate(listJobSessions) walks Offset/Limit pages up to totalCount', async () => {
    const m = (mock = await startMockServer({
      product: 'azure',
      hook: (req, res) => {
        const url = new URL(req.url!, 'http://x');
        if (url.pathname !== '/api/v2/jobSessions' || !req.headers.authorization) return false;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(page(Number(url.searchParams.get('Offset')), Number(url.searchParams.get('Limit'))));
        return true;
      },
    }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const ids = [];
    for await (const session of vb.paginate('listJobSessions', { params: { query: { Limit: 2 } } })) ids.push(String(session.id).slice(-1));
    expect(ids).toEqual(['0', '1', '2', '3', '4']);
    const offsets = m.requests.filter((r) => r.url.startsWith('/api/v2/jobSessions')).map((r) => new URL(r.url, 'http://x').searchParams.get('Offset'));
    expect(offsets).toEqual(['0', '2', '4']);
  });

  it('follows _links.self of a session back to getJobSession', async () => {
    const m = (mock = await startMockServer({ product: 'azure' }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const { data } = await vb.GET('/jobSessions');
    const session = data!.results[0]!;
    const self = session._links?.self;
    expect(self).toBeDefined();
    const followed = await vb.follow(self!);
    expect(followed.operationId).toBe('getJobSession');
  });
});
