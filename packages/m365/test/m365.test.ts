import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamLinkError } from '../src/index.js';
import { AUTH, grants, m365Client, startM365 } from './support.js';

const JOB = 'b20cedd4-66b2-49b1-86de-a575dc67e83b';

describe('m365 against the spec mock', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await mock?.close();
    mock = undefined;
  });

  it('password grant, Bearer token, typed job sessions', async () => {
    const m = (mock = await startM365());
    const vb = m365Client(m);
    const { data, error } = await vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: JOB } } });
    expect(error).toBeUndefined();
    expect(data?.[0]).toMatchObject({ status: 'Success', statistics: { bottleneck: 'Source' } });
    expect(grants(m)).toEqual(['password']);
    const call = m.requests.at(-1)!;
    expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(call.headers.accept).toBe('application/json');
  });

  it('refreshes an expiring token with the refresh_token grant; 20 concurrent calls share one refresh', async () => {
    const m = (mock = await startM365({ tokenTtlSeconds: 2 }));
    const vb = createClient({ baseUrl: m.url, auth: { ...AUTH, refreshBeforeExpirySeconds: 60 } });
    // Only Date is faked (client and in-process mock read the same clock), so a loaded machine cannot
    // age the token past its lifetime before the first call: the renewal is due exactly when we say.
    vi.useFakeTimers({ toFake: ['Date'] });
    await vb.GET('/JobSessions');
    vi.setSystemTime(Date.now() + 1100); // past half the lifetime: renewal due, token still valid
    const results = await Promise.all(Array.from({ length: 20 }, () => vb.GET('/JobSessions')));
    expect(results.every((r) => r.error === undefined && Array.isArray(r.data))).toBe(true);
    expect(grants(m)).toEqual(['password', 'refresh_token']);
    const bearer = new Set(m.requests.slice(-20).map((r) => r.headers.authorization));
    expect(bearer.size).toBe(1);
  });

  it('after a 401 (token revoked server-side) gets a new token once and retries', async () => {
    let revoke = false;
    const m = (mock = await startM365({
      hook: (req, res) => {
        if (!revoke || req.method !== 'GET') return false;
        revoke = false;
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"token revoked"}');
        return true;
      },
    }));
    const vb = m365Client(m);
    await vb.GET('/JobSessions');
    revoke = true;
    const { data, error } = await vb.GET('/JobSessions');
    expect(error).toBeUndefined();
    expect(Array.isArray(data)).toBe(true);
    expect(m.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v3/token', 'GET /v3/JobSessions', 'GET /v3/JobSessions', 'POST /v3/token', 'GET /v3/JobSessions']);
    expect(grants(m)).toEqual(['password', 'refresh_token']);
  });

  it('follows VB365 lower-case links (/v3/jobsessions/{id}, /v3/jobs/{id}) case-insensitively', async () => {
    const m = (mock = await startM365());
    const vb = m365Client(m);
    const { data } = await vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: JOB } } });
    const links = data![0]!._links!;
    const self = await vb.follow(links.self!);
    expect(self.operationId).toBe('getJobSession');
    if (self.operationId === 'getJobSession') expect(self.data?.id).toBe(data![0]!.id);
    const job = await vb.follow(links.job!);
    expect(job.operationId).toBe('getJob');
    // The link's lower-case path is matched to the documented template and sent in its spelling.
    expect(m.requests.at(-1)!.url).toBe(`/v3/Jobs/${JOB}`);
  });

  it('refuses the documented dead log link, quoting the reason', async () => {
    const m = (mock = await startM365());
    const vb = m365Client(m);
    const { data } = await vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: JOB } } });
    const failure = await vb.follow(data![0]!._links!.log!).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamLinkError);
    expect(failure).toMatchObject({ code: 'dead-link' });
    expect((failure as Error).message).toContain('marks /jobsessions/{id}/log as a dead link: VB365 v3 documents the session log only as /JobSessions/{id}/LogItems');
  });
});
