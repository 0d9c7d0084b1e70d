import { afterEach, describe, expect, it } from 'vitest';
import { VeeamLinkError } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

describe('follow()', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  const echo = () =>
    startServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname.endsWith('/LogItems')) return json(res, 200, ['line']);
      if (req.method === 'POST') return json(res, 202, { state: `stopping via ${url.search}` });
      return json(res, 200, { id: decodeURIComponent(url.pathname.split('/').pop()!), name: url.search });
    });

  it('re-bases an href from another origin onto the client base URL and types the result by operationId', async () => {
    server = await echo();
    const client = fixtureClient(server.origin);
    const result = await client.follow({ Href: 'https://veeam.internal:9398/v1/Items/a%20b?format=Entity', Rel: 'Alternate', Type: 'Item' });
    expect(result.operationId).toBe('getItem');
    if (result.operationId === 'getItem') expect(result.data).toEqual({ id: 'a b', name: '?format=Entity' });
    expect(server.requests[0]!.url).toBe('/v1/Items/a%20b?format=Entity');
  });

  it('EM Rel Stop becomes a POST with the action query', async () => {
    server = await echo();
    const result = await fixtureClient(server.origin).follow({ Href: 'https://h/v1/Items/x?action=stop', Rel: 'Stop' });
    expect(result.operationId).toBe('stopItem');
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v1/Items/x?action=stop' });
  });

  it('matches literal segments case-insensitively when the spec says so (VB365 style)', async () => {
    server = await echo();
    const result = await fixtureClient(server.origin).follow({ href: 'https://h/V1/items/x/logitems' });
    expect(result.operationId).toBe('getItemLog');
    expect(result.data).toEqual(['line']);
  });

  it('refuses a documented dead link, quoting its reason and source', async () => {
    const client = fixtureClient('http://127.0.0.1:1');
    const failure = await client.follow({ href: 'https://h/v1/jobsessions/abc/log' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamLinkError);
    expect(failure).toMatchObject({ code: 'no-matching-operation' });
    await expect(client.follow({ href: '/v1/Items/abc/log' })).rejects.toMatchObject({
      code: 'dead-link',
      message:
        'Cannot follow /v1/Items/abc/log: the fixture spec marks /items/{id}/log as a dead link: the server serves the log at /Items/{id}/LogItems (https://example.com/evidence)',
    });
  });

  it('a link matching no operation is a clear error naming method and path', async () => {
    const client = fixtureClient('http://127.0.0.1:1');
    await expect(client.follow({ Href: 'https://h/v1/Items/x', Rel: 'Delete' })).rejects.toThrow(
      'Cannot follow https://h/v1/Items/x (rel Delete): no DELETE operation in the fixture spec matches the path /Items/x.',
    );
  });

  it('a value without href is an invalid-link error', async () => {
    const client = fixtureClient('http://127.0.0.1:1');
    await expect(client.follow({ Rel: 'Up' } as never)).rejects.toMatchObject({
      code: 'invalid-link',
      message: 'Cannot follow link: expected an object with a string Href (EM) or href (_links), got {"Rel":"Up"}.',
    });
  });
});
