import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionAuth, tokenAuth, VeeamAuthError, VeeamRequestError, type LogEvent } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

const PASSWORD = 'Pa55-REDIRECT-CANARY';
const SESSION = 'SESSION-REDIRECT-CANARY';
const ACCESS = 'ACCESS-REDIRECT-CANARY';
const CANARIES = [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(`admin:${PASSWORD}`).toString('base64'), SESSION, ACCESS];

// Two real servers on two loopback ports: `api` is the client's base URL, `elsewhere` is another origin
// that answers every request with 200 and records what it got (so a client that follows shows it).
let api: TestServer;
let elsewhere: TestServer;
beforeEach(async () => {
  elsewhere = await startServer((_req, res) => json(res, 200, { id: 'elsewhere', name: 'elsewhere' }));
});
afterEach(async () => {
  await api?.close();
  await elsewhere.close();
});

/** Everything the other origin received, for the canary check. */
function receivedElsewhere(): string {
  return elsewhere.requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n');
}

function expectNothingElsewhere(): void {
  const seen = receivedElsewhere();
  for (const canary of CANARIES) expect(seen).not.toContain(canary);
  expect(elsewhere.requests).toEqual([]);
}

/** EM-like API: Basic logon -> session header; `redirects` maps "METHOD path" to [status, Location]. */
async function emApi(redirects: Record<string, [number, string]>) {
  return startServer((req, res, body) => {
    const key = `${req.method} ${req.url}`;
    if (req.method === 'POST' && req.url === '/v1/sessionMngr/?v=latest') {
      const hop = redirects[key];
      if (hop) return json(res, hop[0], {}, { Location: hop[1] });
      return json(res, 201, { SessionId: 's1' }, { 'X-RestSvcSessionId': SESSION });
    }
    if (req.headers['x-restsvcsessionid'] !== SESSION) return json(res, 401, { message: 'no session' });
    if (req.method === 'DELETE' && req.url === '/v1/logonSessions/s1') {
      const hop = redirects[key];
      if (hop) return json(res, hop[0], {}, { Location: hop[1] });
      res.writeHead(204).end();
      return;
    }
    const hop = redirects[key];
    if (hop) return json(res, hop[0], { moved: true }, { Location: hop[1] });
    if (req.method === 'POST') return json(res, 201, { id: 'created', name: JSON.parse(body || '{}').name ?? req.method });
    return json(res, 200, { id: req.url!.split('/').pop(), name: `${req.method} ${body}` });
  });
}

const em = () => sessionAuth({ username: 'admin', password: PASSWORD });

describe('EM session: redirects to another origin are never followed with the session header or body', () => {
  it.each([302, 307])('a GET answered %i to another origin is refused (VeeamRequestError redirect); nothing reaches it', async (status) => {
    api = await emApi({ 'GET /v1/Items/a': [status, `${elsewhere.origin}/v1/Items/a`] });
    const failure = await fixtureClient(api.origin, {}, em())
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamRequestError);
    expect(failure).toMatchObject({ code: 'redirect', method: 'GET', url: `${api.origin}/v1/Items/a` });
    expect((failure as Error).message).toBe(
      `GET ${api.origin}/v1/Items/a was redirected (${status}) to another origin, ${elsewhere.origin}/v1/Items/a; not followed, so the session header, token and body stay with ${api.origin}. Check baseUrl.`,
    );
    expectNothingElsewhere();
  });

  it.each([302, 307])('a POST with a body answered %i to another origin is refused; neither header nor body reaches it', async (status) => {
    api = await emApi({ 'POST /v1/Items': [status, `${elsewhere.origin}/v1/Items`] });
    const failure = await fixtureClient(api.origin, {}, em())
      .POST('/Items', { body: { name: `secret-body-${PASSWORD}` } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'VeeamRequestError', code: 'redirect', method: 'POST' });
    expectNothingElsewhere();
  });

  it('the logon POST answered 307 to another origin is a VeeamAuthError; the Basic credentials stay home', async () => {
    api = await emApi({ 'POST /v1/sessionMngr/?v=latest': [307, `${elsewhere.origin}/steal`] });
    const failure = await fixtureClient(api.origin, {}, em())
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({ code: 'logon-failed', status: 307 });
    expect((failure as Error).message).toBe(
      `Enterprise Manager logon answered 307 (a redirect to ${elsewhere.origin}/steal) (POST ${api.origin}/v1/sessionMngr/?v=latest); auth requests never follow redirects, so the credentials were not sent there. Check baseUrl.`,
    );
    for (const canary of CANARIES) expect(String((failure as Error).message)).not.toContain(canary);
    expectNothingElsewhere();
  });

  it('the logon is not followed even to its own origin (a redirect of the logon is a misconfiguration)', async () => {
    api = await emApi({ 'POST /v1/sessionMngr/?v=latest': [302, '/v1/sessionMngr/?v=latest&again'] });
    await expect(fixtureClient(api.origin, {}, em()).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      name: 'VeeamAuthError',
      code: 'logon-failed',
      status: 302,
    });
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/sessionMngr/?v=latest']);
  });

  it('a logoff answered 308 to another origin fails close() without sending the session id there', async () => {
    api = await emApi({ 'DELETE /v1/logonSessions/s1': [308, `${elsewhere.origin}/v1/logonSessions/s1`] });
    const client = fixtureClient(api.origin, {}, em());
    await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    await expect(client.close()).rejects.toMatchObject({
      name: 'VeeamAuthError',
      code: 'logon-failed',
      status: 308,
      message: expect.stringContaining('logoff answered 308 (a redirect to'),
    });
    expectNothingElsewhere();
  });
});

describe('same-origin redirects are followed with credentials', () => {
  it('GET 302 within the origin: followed, session header kept, logged', async () => {
    api = await emApi({ 'GET /v1/Items/old': [302, '/v1/Items/new'] });
    const events: LogEvent[] = [];
    const { data } = await fixtureClient(api.origin, { logger: (e) => events.push(e) }, em()).GET('/Items/{id}', { params: { path: { id: 'old' } } });
    expect(data).toEqual({ id: 'new', name: 'GET ' });
    const followed = api.requests.filter((r) => r.url.startsWith('/v1/Items/'));
    expect(followed.map((r) => [r.url, r.headers['x-restsvcsessionid']])).toEqual([
      ['/v1/Items/old', SESSION],
      ['/v1/Items/new', SESSION],
    ]);
    expect(events).toContainEqual({ type: 'redirect', method: 'GET', url: `${api.origin}/v1/Items/old`, location: `${api.origin}/v1/Items/new`, status: 302, attempt: 1 });
  });

  it('POST 307 within the origin: method, body and session header kept', async () => {
    api = await emApi({ 'POST /v1/Items': [307, '/v1/Items?moved=1'] });
    const { data } = await fixtureClient(api.origin, {}, em()).POST('/Items', { body: { name: 'kept' } });
    expect(data).toEqual({ id: 'created', name: 'kept' });
    const hops = api.requests.filter((r) => r.url.startsWith('/v1/Items'));
    expect(hops.map((r) => [r.method, r.url, r.body, r.headers['x-restsvcsessionid']])).toEqual([
      ['POST', '/v1/Items', '{"name":"kept"}', SESSION],
      ['POST', '/v1/Items?moved=1', '{"name":"kept"}', SESSION],
    ]);
  });

  it('POST 303 within the origin: becomes a GET without body or Content-Type, as fetch does', async () => {
    api = await emApi({ 'POST /v1/Items/x?action=stop': [303, '/v1/Items/x'] });
    const { error, response } = await fixtureClient(api.origin, {}, em()).POST('/Items/{id}', { params: { path: { id: 'x' }, query: { action: 'stop' } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    const last = api.requests.at(-1)!;
    expect([last.method, last.url, last.body, last.headers['content-type'], last.headers['x-restsvcsessionid']]).toEqual(['GET', '/v1/Items/x', '', undefined, SESSION]);
  });

  it('a redirect loop stops after 5 hops with VeeamRequestError redirect', async () => {
    api = await emApi({ 'GET /v1/Items/a': [302, '/v1/Items/b'], 'GET /v1/Items/b': [302, '/v1/Items/a'] });
    const failure = await fixtureClient(api.origin, {}, em())
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'redirect', message: expect.stringContaining('was redirected more than 5 times') });
    expect(api.requests.filter((r) => r.url.startsWith('/v1/Items/'))).toHaveLength(6);
  });

  it("redirect: 'manual' on a call hands the 3xx back as the error result", async () => {
    api = await emApi({ 'GET /v1/Items/a': [302, `${elsewhere.origin}/v1/Items/a`] });
    const { error, response } = await fixtureClient(api.origin, {}, em()).GET('/Items/{id}', { params: { path: { id: 'a' } }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(error).toEqual({ status: 302, operationId: 'getItem', body: { moved: true } });
    expectNothingElsewhere();
  });
});

describe('OAuth token requests and bearer calls never follow a redirect elsewhere', () => {
  /** OAuth-like API whose token endpoint or Items answer with `redirect`. */
  async function oauthApi(redirect: { path: string; status: number; location: string }) {
    return startServer((req, res) => {
      if (req.url === redirect.path) return json(res, redirect.status, {}, { Location: redirect.location });
      if (req.url === '/v1/token') return json(res, 200, { access_token: ACCESS, expires_in: 3600 });
      if (req.headers.authorization !== `Bearer ${ACCESS}`) return json(res, 401, {});
      return json(res, 200, { id: 'a', name: 'n' });
    });
  }
  const oauth = () => tokenAuth({ username: 'admin', password: PASSWORD, tokenPath: '/token', grantTypes: { password: 'password', refresh: 'refresh_token' } });

  it.each([307, 308])('a token request answered %i to another origin: VeeamAuthError, the password grant is not re-posted', async (status) => {
    api = await oauthApi({ path: '/v1/token', status, location: `${elsewhere.origin}/v1/token` });
    const failure = await fixtureClient(api.origin, {}, oauth())
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({ code: 'token-failed', status });
    expect((failure as Error).message).toBe(
      `Token request answered ${status} (a redirect to ${elsewhere.origin}/v1/token) (password grant, POST ${api.origin}/v1/token); auth requests never follow redirects, so the credentials were not sent there. Check baseUrl.`,
    );
    expectNothingElsewhere();
  });

  it('a bearer call answered 307 to another origin is refused; the token stays home', async () => {
    api = await oauthApi({ path: '/v1/Items/a', status: 307, location: `${elsewhere.origin}/v1/Items/a` });
    await expect(fixtureClient(api.origin, {}, oauth()).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      name: 'VeeamRequestError',
      code: 'redirect',
    });
    expectNothingElsewhere();
  });
});
