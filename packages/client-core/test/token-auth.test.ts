import { afterEach, describe, expect, it } from 'vitest';
import { tokenAuth } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

/** OAuth-like server: password and refresh grants; `ttl` seconds per access token. */
async function oauthServer(opts: { ttl: number; refreshWorks?: boolean; tokenDelayMs?: number }) {
  const valid = new Set<string>();
  let issued = 0;
  const server = await startServer(async (req, res, body) => {
    if (req.url === '/v1/token') {
      const form = new URLSearchParams(body);
      if (opts.tokenDelayMs) await new Promise((r) => setTimeout(r, opts.tokenDelayMs));
      const grant = form.get('grant_type');
      const ok =
        (grant === 'password' && form.get('username') === 'admin' && form.get('password') === 'pw') ||
        (grant === 'refresh_token' && opts.refreshWorks !== false && form.get('refresh_token')?.startsWith('refresh-'));
      if (!ok) return json(res, 400, { error: 'invalid_grant' });
      const access = `access-${++issued}`;
      valid.add(access);
      return json(res, 200, { access_token: access, token_type: 'bearer', expires_in: opts.ttl, refresh_token: `refresh-${issued}` });
    }
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!valid.has(token)) return json(res, 401, { message: 'Unauthorized' });
    return json(res, 200, { id: req.url!.split('/').pop(), name: token });
  });
  return { server, valid };
}

const auth = (password = 'pw') =>
  tokenAuth({ username: 'admin', password, tokenPath: '/token', grantTypes: { password: 'password', refresh: 'refresh_token' }, refreshBeforeExpirySeconds: 60 });
const grants = (s: TestServer) => s.requests.filter((r) => r.url === '/v1/token').map((r) => new URLSearchParams(r.body).get('grant_type'));

describe('OAuth token auth', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('gets a token with the password grant and sends it as Bearer', async () => {
    ({ server } = await oauthServer({ ttl: 3600 }));
    const client = fixtureClient(server.origin, {}, auth());
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'x' } } });
    expect(data).toEqual({ id: 'x', name: 'access-1' });
    const token = server.requests[0]!;
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({ grant_type: 'password', username: 'admin', password: 'pw' });
  });

  it('refreshes with the refresh_token grant before the token expires', async () => {
    // ttl 2 s: the margin is capped at half the lifetime, so the token is renewed after ~1 s.
    ({ server } = await oauthServer({ ttl: 2 }));
    const client = fixtureClient(server.origin, {}, auth());
    await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    await new Promise((r) => setTimeout(r, 1100));
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'b' } } });
    expect(data).toEqual({ id: 'b', name: 'access-2' });
    expect(grants(server)).toEqual(['password', 'refresh_token']);
    expect(new URLSearchParams(server.requests.find((r) => r.body.includes('refresh_token='))!.body).get('refresh_token')).toBe('refresh-1');
  });

  it('falls back to the password grant when the refresh is refused', async () => {
    ({ server } = await oauthServer({ ttl: 2, refreshWorks: false }));
    const client = fixtureClient(server.origin, {}, auth());
    await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    await new Promise((r) => setTimeout(r, 1100));
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'b' } } });
    expect(data).toEqual({ id: 'b', name: 'access-2' });
    expect(grants(server)).toEqual(['password', 'refresh_token', 'password']);
  });

  it('20 concurrent calls with an expired token share exactly one refresh', async () => {
    ({ server } = await oauthServer({ ttl: 2, tokenDelayMs: 50 }));
    const client = fixtureClient(server.origin, {}, auth());
    await client.GET('/Items/{id}', { params: { path: { id: 'warm' } } });
    await new Promise((r) => setTimeout(r, 1100));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.GET('/Items/{id}', { params: { path: { id: String(i) } } })));
    expect(results.map((r) => r.data?.name)).toEqual(Array(20).fill('access-2'));
    expect(grants(server)).toEqual(['password', 'refresh_token']);
  });

  it('20 concurrent first calls share exactly one password grant', async () => {
    ({ server } = await oauthServer({ ttl: 3600, tokenDelayMs: 50 }));
    const client = fixtureClient(server.origin, {}, auth());
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.GET('/Items/{id}', { params: { path: { id: String(i) } } })));
    expect(results.every((r) => r.data?.name === 'access-1')).toBe(true);
    expect(grants(server)).toEqual(['password']);
  });

  it('retries once after a 401 with a renewed token', async () => {
    const oauth = await oauthServer({ ttl: 3600 });
    server = oauth.server;
    const client = fixtureClient(server.origin, {}, auth());
    await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    oauth.valid.clear(); // server-side revocation
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'b' } } });
    expect(data).toEqual({ id: 'b', name: 'access-2' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/token', 'GET /v1/Items/a', 'GET /v1/Items/b', 'POST /v1/token', 'GET /v1/Items/b']);
  });

  it('a refused password grant is a VeeamAuthError (token-failed, status 400)', async () => {
    ({ server } = await oauthServer({ ttl: 3600 }));
    const client = fixtureClient(server.origin, {}, auth('wrong'));
    await expect(client.GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      name: 'VeeamAuthError',
      code: 'token-failed',
      status: 400,
      message: expect.stringContaining(`POST ${server.origin}/v1/token`),
    });
  });
});
