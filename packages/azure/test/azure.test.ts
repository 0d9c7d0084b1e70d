import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient } from '../src/index.js';

const AUTH = { username: 'admin', password: 'password' };
const EXAMPLE = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../specs/azure/v2/examples/listJobSessions/200.json'), 'utf8'),
);
const TOTAL = 5;

/** Offset/Limit pages over TOTAL sessions cloned from the seed-based example (ids end in their index). */
function page(offset: number, limit: number): string {
  const template = EXAMPLE.results[0];
  const end = limit < 0 ? TOTAL : Math.min(TOTAL, offset + limit);
  const results = [];
  for (let i = offset; i < end; i++) results.push({ ...template, id: `00000000-0000-4000-8000-00000000000${i}` });
  return JSON.stringify({ ...EXAMPLE, offset, limit, totalCount: TOTAL, results });
}

const tokenGrants = (m: MockServer) => m.requests.filter((r) => r.url.endsWith('/oauth2/token')).map((r) => new URLSearchParams(r.body).get('grant_type'));

describe('azure against the spec mock', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await mock?.close();
    mock = undefined;
  });

  it('Password grant on /oauth2/token, then typed calls', async () => {
    const m = (mock = await startMockServer({ product: 'azure' }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const { data, error } = await vb.GET('/jobSessions', { params: { query: { Limit: 30 } } });
    expect(error).toBeUndefined();
    expect(data?.results.length).toBeGreaterThan(0);
    expect(tokenGrants(m)).toEqual(['Password']);
  });

  it('refreshes with the Refresh_token grant; 20 concurrent calls share one refresh', async () => {
    const m = (mock = await startMockServer({ product: 'azure', tokenTtlSeconds: 2 }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    // Only Date is faked (client and in-process mock read the same clock): load cannot expire the token early.
    vi.useFakeTimers({ toFake: ['Date'] });
    await vb.GET('/jobSessions');
    vi.setSystemTime(Date.now() + 1100); // past half the lifetime: renewal due, token still valid
    const results = await Promise.all(Array.from({ length: 20 }, () => vb.GET('/jobSessions')));
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(tokenGrants(m)).toEqual(['Password', 'Refresh_token']);
  });

  it('paginate(listJobSessions) walks Offset/Limit pages up to totalCount', async () => {
    const m = (mock = await startMockServer({
      product: 'azure',
      hook: (req, res) => {
        const url = new URL(req.url!, 'http://x');
        if (url.pathname !== '/api/v2/jobSessions' || !req.headers.authorization) return false;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(page(Number(url.searchParams.get('Offset')), Number(url.searchParams.get('Limit'))));
        return true;
      },
    }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const ids = [];
    for await (const session of vb.paginate('listJobSessions', { params: { query: { Limit: 2 } } })) ids.push(String(session.id).slice(-1));
    expect(ids).toEqual(['0', '1', '2', '3', '4']);
    const offsets = m.requests.filter((r) => r.url.startsWith('/api/v2/jobSessions')).map((r) => new URL(r.url, 'http://x').searchParams.get('Offset'));
    expect(offsets).toEqual(['0', '2', '4']);
  });

  it('follows _links.self of a session back to getJobSession', async () => {
    const m = (mock = await startMockServer({ product: 'azure' }));
    const vb = createClient({ baseUrl: m.url, auth: AUTH });
    const { data } = await vb.GET('/jobSessions');
    const session = data!.results[0]!;
    const self = session._links?.self;
    expect(self).toBeDefined();
    const followed = await vb.follow(self!);
    expect(followed.operationId).toBe('getJobSession');
  });
});
