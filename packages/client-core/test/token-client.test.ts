// createTokenClient: the token-auth factory every VB365 and VB for Azure version uses. The token URL
// comes from the table's createToken row: under the base URL, or under its own server (VB for Azure's
// unversioned /api/oauth2/token outside /api/v8.1), with the grant types the product spells.
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenClient, type ApiSpec } from '../src/index.js';
import { table, type operations, type paths } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

/** A token server at `tokenPath` (password grant `grant`) and items behind a bearer token. */
async function server(tokenPath: string, grant: string): Promise<TestServer> {
  return startServer((req, res, body) => {
    if (req.url === tokenPath) {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== grant || form.get('password') !== 'pw') return json(res, 400, { error: 'invalid_grant' });
      return json(res, 200, { access_token: 'tok', token_type: 'bearer', expires_in: 3600, refresh_token: 'r' });
    }
    if (req.headers.authorization !== 'Bearer tok') return json(res, 401, { message: 'Unauthorized' });
    return json(res, 200, { id: req.url!.split('/').pop(), name: 'ok' });
  });
}

const spec = (basePath: string): ApiSpec => ({ product: 'fixture', title: 'Fixture', version: 'v9', servers: [], basePath, caseInsensitivePaths: false, deadLinks: [] });
const createToken = { method: 'post', path: '/token', pathParams: [], queryParams: [], requestMediaTypes: ['application/x-www-form-urlencoded'], security: [], responses: { '200': { 'application/json': ['Token'] } }, representations: null, pagination: null } as const;

describe('createTokenClient', () => {
  let s: TestServer;
  afterEach(() => s?.close());

  it('logs on at the createToken path under the base URL, with the product\'s grant spelling', async () => {
    s = await server('/v9/token', 'password');
    const vb = createTokenClient<paths, operations, typeof table & { createToken: typeof createToken }>(
      { baseUrl: `${s.origin}/v9`, auth: { username: 'admin', password: 'pw' } },
      { operations: { ...table, createToken }, spec: spec('/v9'), grantTypes: { password: 'password', refresh: 'refresh_token' } },
    );
    const { data } = await vb.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'ok' });
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v9/token', 'GET /v9/Items/a']);
    await vb.close();
  });

  it('logs on under the createToken operation\'s own server when the spec overrides it (outside the base path)', async () => {
    s = await server('/api/oauth2/token', 'Password');
    const unversioned = { ...createToken, path: '/oauth2/token', server: { url: 'https://{host}/api', basePath: '/api' } } as const;
    const vb = createTokenClient<paths, operations, typeof table & { createToken: typeof unversioned }>(
      { baseUrl: `${s.origin}/api/v8.1`, auth: { username: 'admin', password: 'pw' } },
      { operations: { ...table, createToken: unversioned }, spec: spec('/api/v8.1'), grantTypes: { password: 'Password', refresh: 'Refresh_token' } },
    );
    const { data } = await vb.GET('/Items/{id}', { params: { path: { id: 'b' } } });
    expect(data).toEqual({ id: 'b', name: 'ok' });
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/oauth2/token', 'GET /api/v8.1/Items/b']);
    expect(new URLSearchParams(s.requests[0]!.body).get('grant_type')).toBe('Password');
    await vb.close();
  });
});
