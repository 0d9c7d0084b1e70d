import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamAuthError } from '../src/index.js';
import { AUTH, emClient, startEm } from './support.js';

const ID = 'd46e39e0-1131-4585-91a7-e828ce7eafae';

describe('enterprise-manager: session against the spec mock', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await mock?.close();
    mock = undefined;
  });

  it('logs on lazily with Basic, sends X-RestSvcSessionId, logs off on close()', async () => {
    const m = (mock = await startEm());
    const em = emClient(m);
    expect(m.requests).toHaveLength(0);
    const { data, error } = await em.GET('/backupSessions/{ID}', { params: { path: { ID }, query: { format: 'Entity' } } });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ Type: 'BackupJobSession', JobName: 'Fileserver Backup', Result: 'Success' });
    const [logon, get] = mock.requests;
    expect(`${logon!.method} ${logon!.url}`).toBe('POST /api/sessionMngr/?v=latest');
    expect(logon!.headers.authorization).toBe(`Basic ${Buffer.from('admin:password').toString('base64')}`);
    expect(get!.headers['x-restsvcsessionid']).toBeTruthy();
    expect(get!.headers.accept).toBe('application/json');
    await em.close();
    const logoff = mock.requests.at(-1)!;
    expect(logoff.method).toBe('DELETE');
    expect(logoff.url).toMatch(/^\/api\/logonSessions\/[^/]+$/);
    expect(logoff.status).toBe(204);
  });

  it('logs on again once when the session expired (401), then succeeds', async () => {
    mock = await startEm({ tokenTtlSeconds: 1 });
    const em = emClient(mock);
    // Only Date is faked (client and in-process mock read the same clock): the session expires exactly here.
    vi.useFakeTimers({ toFake: ['Date'] });
    await em.GET('/backupSessions/{ID}', { params: { path: { ID } } });
    vi.setSystemTime(Date.now() + 1100);
    const { data } = await em.GET('/backupSessions/{ID}', { params: { path: { ID } } });
    expect(data).toMatchObject({ Type: 'BackupJobSessionReference' });
    expect(mock.requests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.status}`)).toEqual([
      'POST /api/sessionMngr/ 201',
      `GET /api/backupSessions/${ID} 200`,
      `GET /api/backupSessions/${ID} 401`,
      'POST /api/sessionMngr/ 201',
      `GET /api/backupSessions/${ID} 200`,
    ]);
  });

  it('wrong credentials: VeeamAuthError, and the password is nowhere in it', async () => {
    mock = await startEm();
    const em = createClient({ baseUrl: mock.url, auth: { username: 'admin', password: 'not-the-password' } });
    const failure = await em.GET('/backupSessions/{ID}', { params: { path: { ID } } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamAuthError);
    expect(failure).toMatchObject({ code: 'logon-failed', status: 401 });
    expect(JSON.stringify(failure) + String((failure as Error).stack)).not.toContain('not-the-password');
  });

  it('an error answer carries status, operationId and the typed Error body', async () => {
    mock = await startEm({
      hook: (req, res) => {
        if (!req.url?.startsWith('/api/backupSessions/')) return false;
        res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ Message: 'no such session', StatusCode: 404 }));
        return true;
      },
    });
    const { error } = await emClient(mock).GET('/backupSessions/{ID}', { params: { path: { ID } } });
    expect(error).toEqual({ status: 404, operationId: 'getBackupSession', body: { Message: 'no such session', StatusCode: 404 } });
  });

  it('validates options with clear messages', () => {
    expect(() => createClient({ baseUrl: 'http://127.0.0.1:1/api', auth: undefined as never })).toThrow('auth must be { username: string, password: string }');
    expect(() => createClient({ baseUrl: 'http://127.0.0.1:1/api', auth: AUTH, format: 'yaml' as never })).toThrow(`format must be 'json' or 'xml', got "yaml"`);
  });
});
