import { afterEach, describe, expect, it } from 'vitest';
import { resolveServerUrl, tokenAuth } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

// [name, {given: [baseUrl, apiBasePath, serverBasePath], want}]
describe.each<[string, { given: [string, string, string]; want: string }]>([
  ['VB for Azure: /api/v2 -> /api', { given: ['https://vba.example.com/api/v2', '/api/v2', '/api'], want: 'https://vba.example.com/api' }],
  ['a trailing slash of the base URL', { given: ['https://vba.example.com/api/v2/', '/api/v2', '/api'], want: 'https://vba.example.com/api' }],
  ['a reverse-proxy prefix is kept', { given: ['https://proxy.example.com/vba/api/v2', '/api/v2', '/api'], want: 'https://proxy.example.com/vba/api' }],
  ['the port is kept', { given: ['http://127.0.0.1:8443/api/v2', '/api/v2', '/api'], want: 'http://127.0.0.1:8443/api' }],
  ['a sibling server path', { given: ['https://h/api/v2', '/api/v2', '/auth/v1'], want: 'https://h/auth/v1' }],
  ['the same base path', { given: ['https://h/api/v2', '/api/v2', '/api/v2'], want: 'https://h/api/v2' }],
  ['base path compared case-insensitively', { given: ['https://h/API/V2', '/api/v2', '/api'], want: 'https://h/API' }],
  ['a base URL shorter than the API base path keeps only its origin', { given: ['https://h', '/api/v2', '/api'], want: 'https://h/api' }],
])('resolveServerUrl: %s', (_name, { given, want }) => {
  it('rebases the base URL onto the server base path', () => expect(resolveServerUrl(...given)).toBe(want));
});

describe('tokenAuth with a token server outside the API base path (VB for Azure /api/oauth2/token)', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  /** Serves tokens ONLY at /api/oauth2/token and items under /v1 (the fixture's base path). */
  async function unversionedTokenServer(): Promise<TestServer> {
    return startServer((req, res, body) => {
      if (req.method === 'POST' && req.url === '/api/oauth2/token') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'Password' || form.get('password') !== 'pw') return json(res, 401, { title: 'Unauthorized', status: 401 });
        return json(res, 200, { access_token: 'access-1', token_type: 'bearer', expires_in: 3600, refresh_token: 'refresh-1' });
      }
      if (req.url?.startsWith('/v1/') && req.headers.authorization === 'Bearer access-1') return json(res, 200, { id: req.url.split('/').pop(), name: 'ok' });
      return json(res, 404, { title: 'Not Found', status: 404 });
    });
  }

  const grantTypes = { password: 'Password', refresh: 'Refresh_token' };

  it('posts the grant to the rebased token URL, not under the base URL', async () => {
    server = await unversionedTokenServer();
    const auth = tokenAuth({ username: 'admin', password: 'pw', tokenPath: '/oauth2/token', tokenServer: { url: 'https://{host}/api', basePath: '/api' }, apiBasePath: '/v1', grantTypes });
    const { data, error } = await fixtureClient(server.origin, {}, auth).GET('/Items/{id}', { params: { path: { id: 'x' } } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: 'x', name: 'ok' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/oauth2/token', 'GET /v1/Items/x']);
  });

  it('without tokenServer the same client posts under the base URL and the server refuses (the old behaviour)', async () => {
    server = await unversionedTokenServer();
    const auth = tokenAuth({ username: 'admin', password: 'pw', tokenPath: '/oauth2/token', grantTypes });
    await expect(fixtureClient(server.origin, {}, auth).GET('/Items/{id}', { params: { path: { id: 'x' } } })).rejects.toThrow(
      /Token request failed: 404 .*POST http:\/\/127\.0\.0\.1:\d+\/v1\/oauth2\/token/,
    );
  });

  it('refuses tokenServer without apiBasePath with a clear TypeError', () => {
    const auth = tokenAuth({ username: 'admin', password: 'pw', tokenPath: '/oauth2/token', tokenServer: { url: 'https://{host}/api', basePath: '/api' }, grantTypes });
    expect(() => fixtureClient('http://127.0.0.1:9', {}, auth)).toThrow(new TypeError('tokenAuth: tokenServer needs apiBasePath (the spec base path) to rebase the base URL.'));
  });
});
