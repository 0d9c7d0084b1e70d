// Issue 9: an EM server (or whoever answers at its address) that redirects elsewhere, or sends bodies
// built to exhaust the client. Two real servers: the spec mock (the client's base URL) and a recorder on
// another loopback port that must never see a credential.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamAuthError, VeeamConfigError, VeeamRequestError, VeeamResponseError } from '../src/index.js';
import { AUTH, emClient, startEm, startRecorder } from './support.js';

const ID = 'd46e39e0-1131-4585-91a7-e828ce7eafae';
const BASIC = Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64');

describe('enterprise-manager: redirects to another origin', () => {
  let mock: MockServer | undefined;
  let elsewhere: Awaited<ReturnType<typeof startRecorder>> | undefined;
  afterEach(async () => {
    await mock?.close();
    await elsewhere?.close();
    mock = elsewhere = undefined;
  });

  /** The mock, answering `method path` (path without query) with `status` + Location on the recorder. */
  async function redirecting(method: string, path: string, status: number) {
    elsewhere = await startRecorder();
    const target = `${elsewhere.origin}${path}`;
    mock = await startEm({
      hook: (req, res) => {
        if (req.method !== method || req.url?.split('?')[0] !== path) return false;
        res.writeHead(status, { Location: target }).end();
        return true;
      },
    });
    return mock;
  }

  function expectNoSessionElsewhere(session: string | undefined) {
    const seen = JSON.stringify(elsewhere!.received);
    expect(seen).not.toContain(BASIC);
    if (session) expect(seen).not.toContain(session);
    expect(elsewhere!.received).toEqual([]);
  }

  it.each([302, 307])('GET answered %i to another origin: VeeamRequestError redirect, X-RestSvcSessionId not sent there', async (status) => {
    const m = await redirecting('GET', `/api/backupSessions/${ID}`, status);
    const failure = await emClient(m)
      .GET('/backupSessions/{ID}', { params: { path: { ID } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamRequestError);
    expect(failure).toMatchObject({ code: 'redirect', method: 'GET', message: expect.stringContaining(`to another origin, ${elsewhere!.origin}/api/backupSessions/${ID}; not followed`) });
    const session = m.requests.find((r) => r.method === 'GET')?.headers['x-restsvcsessionid'];
    expect(session).toBeTruthy(); // the header was real and went to the mock only
    expectNoSessionElsewhere(String(session));
  });

  it.each([302, 307])('POST (stopBackupSession) answered %i to another origin: refused, nothing sent there', async (status) => {
    const m = await redirecting('POST', `/api/backupSessions/${ID}`, status);
    await expect(emClient(m).POST('/backupSessions/{ID}', { params: { path: { ID }, query: { action: 'stop' } } })).rejects.toMatchObject({
      name: 'VeeamRequestError',
      code: 'redirect',
      method: 'POST',
    });
    expectNoSessionElsewhere(String(m.requests.find((r) => r.url.startsWith('/api/backupSessions/'))?.headers['x-restsvcsessionid']));
  });

  it('the logon (POST /sessionMngr/) answered 307: VeeamAuthError logon-failed, the Basic credentials are not re-sent', async () => {
    const m = await redirecting('POST', '/api/sessionMngr/', 307);
    const failure = await emClient(m)
      .GET('/backupSessions/{ID}', { params: { path: { ID } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({ code: 'logon-failed', status: 307, message: expect.stringContaining('auth requests never follow redirects') });
    expect(JSON.stringify(failure) + (failure as Error).message).not.toContain(AUTH.password);
    expectNoSessionElsewhere(undefined);
  });
});

describe('enterprise-manager: hostile options and bodies', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  it('a baseUrl with user:password@ is refused without echoing the password', () => {
    const failure = (() => {
      try {
        createClient({ baseUrl: 'https://admin:hunter2-secret@em.example.com:9398/api', auth: AUTH });
      } catch (e) {
        return e;
      }
    })();
    expect(failure).toBeInstanceOf(VeeamConfigError);
    expect(failure).toMatchObject({ code: 'credentials-in-url', message: expect.stringContaining('"https://admin:***@em.example.com:9398/api"') });
    expect((failure as Error).message).not.toContain('hunter2');
  });

  it('XML: a start tag with 100k attributes is refused at the attribute limit (undecodable-body), not decoded for seconds', async () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="v"`).join(' ');
    mock = await startEm({
      hook: (req, res) => {
        if (req.method !== 'GET' || !req.url?.startsWith('/api/backupSessions/')) return false;
        res.writeHead(200, { 'Content-Type': 'application/xml' }).end(`<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0" ${attrs}/>`);
        return true;
      },
    });
    const failure = await emClient(mock, { format: 'xml' })
      .GET('/backupSessions/{ID}', { params: { path: { ID }, query: { format: 'Entity' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamResponseError);
    expect(failure).toMatchObject({ code: 'undecodable-body', message: expect.stringMatching(/XML 1:\d+: <BackupJobSession> has more than 256 attributes \(maxAttributes/) });
  });

  it('a gzip body that inflates past maxResponseBytes is refused as too-large', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    mock = await startEm({
      hook: (req, res) => {
        if (req.method !== 'GET' || !req.url?.startsWith('/api/backupSessions/')) return false;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }).end(bomb);
        return true;
      },
    });
    await expect(emClient(mock, { maxResponseBytes: 1024 * 1024 }).GET('/backupSessions/{ID}', { params: { path: { ID } } })).rejects.toMatchObject({
      name: 'VeeamResponseError',
      code: 'too-large',
      operationId: 'getBackupSession',
    });
  });
});
