import { afterEach, describe, expect, it } from 'vitest';
import { VeeamRequestError } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

describe('timeouts and abort', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  // The server never answers /Items/slow; other ids answer at once.
  const hanging = () =>
    startServer((req, res) => {
      if (req.url !== '/v1/Items/slow') json(res, 200, { id: 'fast', name: 'n' });
    });

  it('timeoutMs on the client gives VeeamRequestError code timeout', async () => {
    server = await hanging();
    const client = fixtureClient(server.origin, { timeoutMs: 100 });
    const failure = await client.GET('/Items/{id}', { params: { path: { id: 'slow' } } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamRequestError);
    expect(failure).toMatchObject({ code: 'timeout', method: 'GET', message: `GET ${server.origin}/v1/Items/{id} timed out after 100 ms.` });
  });

  it('timeoutMs per call overrides the client default', async () => {
    server = await hanging();
    const client = fixtureClient(server.origin, { timeoutMs: 0 });
    await expect(client.GET('/Items/{id}', { params: { path: { id: 'slow' } }, timeoutMs: 50 })).rejects.toMatchObject({ code: 'timeout' });
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'fast' } }, timeoutMs: 5000 });
    expect(data?.id).toBe('fast');
  });

  it('a caller signal aborts the call with code aborted', async () => {
    server = await hanging();
    const client = fixtureClient(server.origin);
    const controller = new AbortController();
    const pending = client.GET('/Items/{id}', { params: { path: { id: 'slow' } }, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: 'VeeamRequestError', code: 'aborted' });
  });

  it('the timeout also bounds a Retry-After wait', async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { 'Retry-After': '5' }));
    const client = fixtureClient(server.origin, { timeoutMs: 100 });
    await expect(client.GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('a refused connection is VeeamRequestError code network', async () => {
    server = await hanging();
    const origin = server.origin;
    await server.close();
    const client = fixtureClient(origin);
    await expect(client.GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
