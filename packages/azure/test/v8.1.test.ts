// The VB for Azure v8.1 client (`@veeam-rest/azure/v8.1`) against the real mock serving azure@v8.1 from its
// spec examples: the `Password` grant at the unversioned POST /api/oauth2/token (outside /api/v8.1), a
// paged list walked with Offset/Limit, one entity, and a session log.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, VeeamAuthError, type AzureClient } from '../src/v8.1.js';

/** The spec's example body of an operation (what the mock answers). */
function example(operationId: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../specs/azure/v8.1/examples/${operationId}/200.json`, import.meta.url)), 'utf8'));
}

const AUTH = { username: 'admin', password: 'password' };
let mock: MockServer;
let vb: AzureClient;

beforeAll(async () => {
  mock = await startMockServer({ api: 'azure@v8.1' });
  vb = createClient({ baseUrl: mock.urls['azure@v8.1']!, auth: AUTH });
});
afterAll(async () => {
  await vb?.close();
  await mock?.close();
});

/** Method, path and query of the requests the mock received since `from`, token requests included. */
const sent = (from: number) => mock.requests.slice(from).map((r) => `${r.method} ${r.url}`);

describe('azure@v8.1 client against the mock', () => {
  it('the base URL is the v8.1 one', () => {
    expect(new URL(mock.urls['azure@v8.1']!).pathname).toBe('/api/v8.1');
  });

  it('logs on with the Password grant at the unversioned POST /api/oauth2/token, then sends the bearer token', async () => {
    const want = example('getJobSession');
    const from = mock.requests.length;
    const { data, response } = await vb.GET('/jobSessions/{sessionId}', { params: { path: { sessionId: want.id } } });
    expect(response.status).toBe(200);
    expect(sent(from)).toEqual(['POST /api/oauth2/token', `GET /api/v8.1/jobSessions/${want.id}`]);
    const form = new URLSearchParams(mock.requests[from]!.body);
    expect([form.get('grant_type'), form.get('username')]).toEqual(['Password', 'admin']);
    // One entity: the session of the example, typed by the v8.1 spec.
    expect({ id: data!.id, type: data!.type, status: data!.status, usn: data!.usn }).toEqual({ id: want.id, type: want.type, status: want.status, usn: want.usn });
  });

  it('a wrong password is a VeeamAuthError, not a data error', async () => {
    const bad = createClient({ baseUrl: mock.urls['azure@v8.1']!, auth: { username: 'admin', password: 'wrong' } });
    try {
      await expect(bad.GET('/jobSessions')).rejects.toBeInstanceOf(VeeamAuthError);
    } finally {
      await bad.close();
    }
  });

  it('paginate walks /jobSessions with Offset/Limit while totalCount is not reached', async () => {
    const page = example('listJobSessions');
    const size = page.results.length;
    expect(page.totalCount).toBeGreaterThan(2 * size); // the example says more pages follow
    const from = mock.requests.length;
    const ids: string[] = [];
    for await (const s of vb.paginate('listJobSessions', { params: { query: { Limit: size, Status: ['Success'] } } })) {
      ids.push(s!.id!);
      if (ids.length === 2 * size) break; // the example mock answers every Offset with the same page
    }
    expect(ids).toEqual([...page.results, ...page.results].map((s: { id: string }) => s.id));
    expect(sent(from)).toEqual([
      `GET /api/v8.1/jobSessions?Limit=${size}&Status=Success&Offset=0`,
      `GET /api/v8.1/jobSessions?Limit=${size}&Status=Success&Offset=${size}`,
    ]);
  });

  it('reads the session log', async () => {
    const want = example('getJobSessionLog');
    const { data } = await vb.GET('/jobSessions/{sessionId}/log', { params: { path: { sessionId: want.jobSessionId } } });
    expect(data!.jobSessionId).toBe(want.jobSessionId);
    expect(data!.log!.map((l) => [l.logTime, l.status, l.message])).toEqual(want.log.map((l: any) => [l.logTime, l.status, l.message]));
  });
});
