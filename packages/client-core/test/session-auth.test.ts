import { afterEach, describe, expect, it } from 'vitest';
import { sessionAuth, VeeamAuthError } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

const BASIC = `Basic ${Buffer.from('DOMAIN\\admin:s3cret').toString('base64')}`;

/** EM-like server: Basic logon issues session ids; `expired` ones answer 401. */
async function emServer() {
  const live = new Set<string>();
  let next = 0;
  const server = await startServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/v1/sessionMngr/?v=latest') {
      if (req.headers.authorization !== BASIC) return json(res, 401, { message: 'bad credentials' });
      const id = `session-${++next}`;
      live.add(id);
      return json(res, 201, { SessionId: id, Href: `https://em.internal:9398/api/logonSessions/${id}` }, { 'X-RestSvcSessionId': `token-${id}` });
    }
    const token = String(req.headers['x-restsvcsessionid'] ?? '').replace(/^token-/, '');
    if (!live.has(token)) return json(res, 401, { message: 'session expired' });
    if (req.method === 'DELETE' && url.startsWith('/v1/logonSessions/')) {
      live.delete(decodeURIComponent(url.split('/').pop()!));
      res.writeHead(204).end();
      return;
    }
    return json(res, 200, { id: url.split('/').pop(), name: 'item' });
  });
  return { server, live };
}

describe('Enterprise Manager session auth', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('logs on lazily, once, and sends X-RestSvcSessionId on every call', async () => {
    const em = await emServer();
    server = em.server;
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'DOMAIN\\admin', password: 's3cret' }));
    expect(server.requests).toHaveLength(0);
    const first = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    const second = await client.GET('/Items/{id}', { params: { path: { id: 'b' } } });
    expect(first.data).toEqual({ id: 'a', name: 'item' });
    expect(second.data).toEqual({ id: 'b', name: 'item' });
    const logons = server.requests.filter((r) => r.url.startsWith('/v1/sessionMngr/'));
    expect(logons).toHaveLength(1);
    expect(logons[0]!.headers.authorization).toBe(BASIC);
    expect(server.requests.slice(1).map((r) => r.headers['x-restsvcsessionid'])).toEqual(['token-session-1', 'token-session-1']);
  });

  it('logs on again once when a call answers 401, then retries the call', async () => {
    const em = await emServer();
    server = em.server;
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'DOMAIN\\admin', password: 's3cret' }));
    await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    em.live.clear(); // the server forgets the session (expiry, restart)
    const { data, error } = await client.GET('/Items/{id}', { params: { path: { id: 'b' } } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: 'b', name: 'item' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v1/sessionMngr/?v=latest',
      'GET /v1/Items/a',
      'GET /v1/Items/b',
      'POST /v1/sessionMngr/?v=latest',
      'GET /v1/Items/b',
    ]);
  });

  it('20 concurrent calls hitting an expired session share exactly one new logon', async () => {
    const em = await emServer();
    server = em.server;
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'DOMAIN\\admin', password: 's3cret' }));
    await client.GET('/Items/{id}', { params: { path: { id: 'warm' } } });
    em.live.clear();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.GET('/Items/{id}', { params: { path: { id: String(i) } } })));
    expect(results.map((r) => r.data?.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(server.requests.filter((r) => r.url.startsWith('/v1/sessionMngr/'))).toHaveLength(2);
    expect(em.live).toEqual(new Set(['session-2']));
  });

  it('gives the 401 back as an error when the fresh session is refused too (no loop)', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 201, { SessionId: 's' }, { 'X-RestSvcSessionId': 't' });
      return json(res, 401, { message: 'nope' });
    });
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'u', password: 'p' }));
    const { error } = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(error).toEqual({ status: 401, operationId: 'getItem', body: { message: 'nope' } });
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(server.requests).toHaveLength(4);
  });

  it('close() logs off with DELETE /logonSessions/{SessionId}', async () => {
    const em = await emServer();
    server = em.server;
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'DOMAIN\\admin', password: 's3cret' }));
    await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    await client.close();
    const last = server.requests.at(-1)!;
    expect(`${last.method} ${last.url}`).toBe('DELETE /v1/logonSessions/session-1');
    expect(last.headers['x-restsvcsessionid']).toBe('token-session-1');
    expect(em.live.size).toBe(0);
    await expect(client.GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({ code: 'closed' });
  });

  it('a refused logon is a VeeamAuthError naming the endpoint and status', async () => {
    const em = await emServer();
    server = em.server;
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'DOMAIN\\admin', password: 'wrong' }));
    const failure = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({ code: 'logon-failed', status: 401 });
    expect((failure as Error).message).toContain(`POST ${server.origin}/v1/sessionMngr/?v=latest`);
  });

  it('a logon answer without the session header is a clear error', async () => {
    server = await startServer((_req, res) => json(res, 201, { SessionId: 's' }));
    const client = fixtureClient(server.origin, {}, sessionAuth({ username: 'u', password: 'p' }));
    await expect(client.GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      code: 'session-header-missing',
      message: expect.stringContaining('X-RestSvcSessionId'),
    });
  });
});
