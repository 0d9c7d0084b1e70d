// Issue 9: a VB for Azure server that redirects the token request elsewhere must not get the Password
// grant re-posted there. Two real servers: the spec mock and a recorder on another loopback port.
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamAuthError } from '../src/index.js';
import { startRecorder } from './support.js';

const AUTH = { username: 'admin', password: 'password' };

describe('azure: the token request never follows a redirect', () => {
  let mock: MockServer | undefined;
  let elsewhere: Awaited<ReturnType<typeof startRecorder>> | undefined;
  afterEach(async () => {
    await mock?.close();
    await elsewhere?.close();
    mock = elsewhere = undefined;
  });

  it.each([307, 308])('POST /api/oauth2/token answered %i to another origin: VeeamAuthError token-failed, the Password grant not re-posted', async (status) => {
    const other = (elsewhere = await startRecorder());
    const m = (mock = await startMockServer({
      product: 'azure',
      hook: (req, res) => {
        if (req.method !== 'POST' || req.url !== '/api/oauth2/token') return false;
        res.writeHead(status, { Location: `${other.origin}/api/oauth2/token` }).end();
        return true;
      },
    }));
    const failure = await createClient({ baseUrl: m.url, auth: AUTH })
      .GET('/jobSessions')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({ code: 'token-failed', status, message: expect.stringContaining(`(a redirect to ${other.origin}/api/oauth2/token)`) });
    expect(other.received).toEqual([]);
    expect(m.requests.filter((r) => r.url === '/api/oauth2/token')).toHaveLength(1);
  });

  it('a bearer call answered 307 to another origin is refused; the token is not sent there', async () => {
    const other = (elsewhere = await startRecorder());
    const m = (mock = await startMockServer({
      product: 'azure',
      hook: (req, res) => {
        if (req.method !== 'GET' || !req.url?.startsWith('/api/v2/jobSessions')) return false;
        res.writeHead(307, { Location: `${other.origin}${req.url}` }).end();
        return true;
      },
    }));
    await expect(createClient({ baseUrl: m.url, auth: AUTH }).GET('/jobSessions')).rejects.toMatchObject({ name: 'VeeamRequestError', code: 'redirect' });
    expect(m.requests.find((r) => r.url.startsWith('/api/v2/jobSessions'))?.headers.authorization).toMatch(/^Bearer \S+/);
    expect(other.received).toEqual([]);
  });
});
