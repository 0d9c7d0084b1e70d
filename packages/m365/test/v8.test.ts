// The VB365 v8 client (`@veeam-rest/m365/v8`) against the real mock serving m365@v8 from its spec
// examples: the password grant at POST /v8/token, a paged list walked with offset/limit, one entity, and
// a session log (paged like the list).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamAuthError, type M365Client } from '../src/v8.js';

/** The spec's example body of an operation (what the mock answers). */
function example(operationId: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../specs/m365/v8/examples/${operationId}/200.json`, import.meta.url)), 'utf8'));
}

const AUTH = { username: 'admin', password: 'password' };
let mock: MockServer;
let vb: M365Client;

beforeAll(async () => {
  mock = await startMockServer({ api: 'm365@v8' });
  vb = createClient({ baseUrl: mock.urls['m365@v8']!, auth: AUTH });
});
afterAll(async () => {
  await vb?.close();
  await mock?.close();
});

/** Method, path and query of the requests the mock received since `from`, token requests included. */
const sent = (from: number) => mock.requests.slice(from).map((r) => `${r.method} ${r.url}`);

describe('m365@v8 client against the mock', () => {
  it('the base URL is the v8 one', () => {
    expect(new URL(mock.urls['m365@v8']!).pathname).toBe('/v8');
  });

  it('logs on with the password grant at POST /v8/token, then sends the bearer token', async () => {
    const from = mock.requests.length;
    const { data, response } = await vb.GET('/Jobs/{jobId}', { params: { path: { jobId: example('getJob').id } } });
    expect(response.status).toBe(200);
    expect(data!.id).toBe(example('getJob').id);
    expect(sent(from)).toEqual(['POST /v8/token', `GET /v8/Jobs/${example('getJob').id}`]);
    const token = mock.requests[from]!;
    expect(new URLSearchParams(token.body).get('grant_type')).toBe('password');
    expect(new URLSearchParams(token.body).get('username')).toBe('admin');
  });

  it('a wrong password is a VeeamAuthError, not a data error', async () => {
    const bad = createClient({ baseUrl: mock.urls['m365@v8']!, auth: { username: 'admin', password: 'wrong' } });
    try {
      await expect(bad.GET('/Jobs')).rejects.toBeInstanceOf(VeeamAuthError);
    } finally {
      await bad.close();
    }
  });

  it('paginate walks /JobSessions with offset/limit: a full page asks for the next one', async () => {
    const page = example('listJobSessions');
    const size = page.results.length;
    const from = mock.requests.length;
    const ids: string[] = [];
    for await (const s of vb.paginate('listJobSessions', { params: { query: { limit: size } } })) {
      ids.push(s.id!);
      if (ids.length === 2 * size) break; // the example mock answers every offset with the same full page
    }
    expect(ids).toEqual([...page.results, ...page.results].map((s: { id: string }) => s.id));
    expect(sent(from)).toEqual([`GET /v8/JobSessions?limit=${size}&offset=0`, `GET /v8/JobSessions?limit=${size}&offset=${size}`]);
  });

  it('paginate stops at a short page (fewer items than the limit)', async () => {
    const from = mock.requests.length;
    const sessions = [];
    for await (const s of vb.paginate('listJobSessions')) sessions.push(s);
    expect(sessions.map((s) => [s.id, s.jobId, s.status])).toEqual(example('listJobSessions').results.map((s: any) => [s.id, s.jobId, s.status]));
    expect(sent(from)).toEqual(['GET /v8/JobSessions?offset=0&limit=100']);
  });

  it('gets one session', async () => {
    const want = example('getJobSession');
    const { data } = await vb.GET('/JobSessions/{id}', { params: { path: { id: want.id } } });
    expect({ id: data!.id, jobId: data!.jobId, status: data!.status, progress: data!.progress }).toEqual({ id: want.id, jobId: want.jobId, status: want.status, progress: want.progress });
  });

  it('reads the session log page by page (listJobSessionLogItems)', async () => {
    const want = example('listJobSessionLogItems');
    const session = example('getJobSession').id;
    const from = mock.requests.length;
    const items = [];
    for await (const item of vb.paginate('listJobSessionLogItems', { params: { path: { id: session } } })) items.push(item);
    expect(items.map((i) => [i.id, i.usn, i.message])).toEqual(want.results.map((i: any) => [i.id, i.usn, i.message]));
    expect(sent(from)).toEqual([`GET /v8/JobSessions/${session}/LogItems?offset=0&limit=100`]);
  });
});
