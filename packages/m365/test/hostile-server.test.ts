// Issue 9: a VB365 server that redirects the token request elsewhere must not get the password grant
// re-posted there. Two real servers: the spec mock and a recorder on another loopback port.
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamAuthError, VeeamConfigError } from '../src/index.js';
import { AUTH, m365Client, startM365, startRecorder } from './support.js';

describe('m365: the token request never follows a redirect', () => {
  let mock: MockServer | undefined;
  let elsewhere: Awaited<ReturnType<typeof startRecorder>> | undefined;
  afterEach(async () => {
    await mock?.close();
    await elsewhere?.close();
    mock = elsewhere = undefined;
  });

  it.each([307, 308])('POST /token answered %i to another origin: VeeamAuthError token-failed, username and password not re-posted', async (status) => {
    const other = (elsewhere = await startRecorder());
    const m = (mock = await startM365({
      hook: (req, res) => {
        if (req.method !== 'POST' || req.url !== '/v3/token') return false;
        res.writeHead(status, { Location: `${other.origin}/v3/token` }).end();
        return true;
      },
    }));
    const failure = await m365Client(m)
      .GET('/JobSessions')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({
      code: 'token-failed',
      status,
      message: `Token request answered ${status} (a redirect to ${other.origin}/v3/token) (password grant, POST ${m.url}/token); auth requests never follow redirects, so the credentials were not sent there. Check baseUrl.`,
    });
    expect(other.received).toEqual([]);
    expect(JSON.stringify(other.received)).not.toContain(AUTH.password);
    expect(m.requests.filter((r) => r.url === '/v3/token')).toHaveLength(1);
  });

  it('a baseUrl with user:password@ is refused without echoing the password', () => {
    expect(() => createClient({ baseUrl: 'https://admin:hunter2-secret@vb365.example.com:4443/v3', auth: AUTH })).toThrowError(
      expect.objectContaining({ name: 'VeeamConfigError', code: 'credentials-in-url', message: expect.not.stringContaining('hunter2') }),
    );
    expect(VeeamConfigError).toBeTypeOf('function');
  });
});
