import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionAuth, tokenAuth, type LogEvent } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

const USER = 'DOMAIN\\svc-backup';
const PASSWORD = 'Pa55-w0rd-LEAK-CANARY';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const SESSION = 'SESSION-TOKEN-CANARY';
const ACCESS = 'ACCESS-TOKEN-CANARY';
const REFRESH = 'REFRESH-TOKEN-CANARY';
const CANARIES = [PASSWORD, BASIC, SESSION, ACCESS, REFRESH];

/** Every way a credential could escape: message, stack, JSON, inspect (deep, hidden fields). */
function exposures(value: unknown): string {
  const parts = [inspect(value, { depth: 10, showHidden: true, getters: true })];
  try {
    parts.push(JSON.stringify(value) ?? '');
  } catch {
    parts.push('');
  }
  if (value instanceof Error) parts.push(value.message, value.stack ?? '', String(value.cause));
  return parts.join('\n');
}

function expectNoCredentials(value: unknown): void {
  const text = exposures(value);
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}

describe('credentials never leak', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('EM: not in the client, failed logon errors, API errors or log events', async () => {
    let refuse = true;
    server = await startServer((req, res) => {
      if (req.method === 'POST') {
        if (refuse) return json(res, 401, { message: 'bad credentials' });
        return json(res, 201, { SessionId: 'id-1' }, { 'X-RestSvcSessionId': SESSION });
      }
      return json(res, 500, { message: 'boom' });
    });
    const events: LogEvent[] = [];
    const options = { username: USER, password: PASSWORD };
    const client = fixtureClient(server.origin, { logger: (e) => events.push(e), retry: { maxRetries: 0 } }, sessionAuth(options));
    expectNoCredentials(client);
    const logonError = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } }).catch((e: unknown) => e);
    expect(logonError).toMatchObject({ code: 'logon-failed' });
    expectNoCredentials(logonError);
    refuse = false;
    const result = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(result.error?.status).toBe(500);
    expectNoCredentials(result.error);
    expectNoCredentials(client);
    expectNoCredentials(events);
    // The credentials did reach the server, so the canaries are real.
    expect(server.requests.map((r) => r.headers.authorization)).toContain(`Basic ${BASIC}`);
    expect(server.requests.at(-1)!.headers['x-restsvcsessionid']).toBe(SESSION);
  });

  it('OAuth: not in the client, failed token errors, network errors or log events', async () => {
    let refuse = true;
    server = await startServer((req, res) => {
      if (req.url === '/v1/token') {
        if (refuse) return json(res, 400, { error: 'invalid_grant' });
        return json(res, 200, { access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600 });
      }
      req.socket.destroy(); // network failure after auth
    });
    const events: LogEvent[] = [];
    const client = fixtureClient(
      server.origin,
      { logger: (e) => events.push(e) },
      tokenAuth({ username: USER, password: PASSWORD, tokenPath: '/token', grantTypes: { password: 'password', refresh: 'refresh_token' } }),
    );
    const tokenError = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } }).catch((e: unknown) => e);
    expect(tokenError).toMatchObject({ code: 'token-failed' });
    expectNoCredentials(tokenError);
    refuse = false;
    const networkError = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } }).catch((e: unknown) => e);
    expect(networkError).toMatchObject({ code: 'network' });
    expectNoCredentials(networkError);
    expectNoCredentials(client);
    expectNoCredentials(events);
    expect(server.requests.some((r) => r.body.includes(encodeURIComponent(PASSWORD)) || r.body.includes(PASSWORD))).toBe(true);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${ACCESS}`);
  });
});
