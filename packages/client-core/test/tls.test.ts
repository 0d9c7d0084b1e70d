import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureClient } from './support/fixture.js';
import { makeCerts, type TestCerts } from './support/certs.js';
import { json, startServer, type TestServer } from './support/server.js';

describe('TLS with a private CA (real https server on 127.0.0.1)', () => {
  let certs: TestCerts;
  let other: TestCerts;
  let server: TestServer;
  beforeAll(async () => {
    certs = makeCerts('veeam-rest test CA');
    other = makeCerts('some other CA');
    server = await startServer((_req, res) => json(res, 200, { id: 'a', name: 'over tls' }), { key: certs.key, cert: certs.cert });
  });
  afterAll(() => server?.close());

  const get = (client: ReturnType<typeof fixtureClient>) => client.GET('/Items/{id}', { params: { path: { id: 'a' } } });

  it('trusts the server through tls.ca', async () => {
    const { data } = await get(fixtureClient(server.origin, { tls: { ca: certs.ca } }));
    expect(data).toEqual({ id: 'a', name: 'over tls' });
  });

  it('trusts it through a tls.ca given as plain Uint8Array bytes (a list too), not only as string or Buffer', async () => {
    const bytes = new TextEncoder().encode(certs.ca);
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect((await get(fixtureClient(server.origin, { tls: { ca: bytes } }))).data?.name).toBe('over tls');
    expect((await get(fixtureClient(server.origin, { tls: { ca: [new TextEncoder().encode(other.ca), bytes] } }))).data?.name).toBe('over tls');
  });

  it('rejects the self-signed chain without options (default trust store)', async () => {
    await expect(get(fixtureClient(server.origin))).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/certificate/i) });
  });

  it('rejects it when tls.ca names another CA', async () => {
    await expect(get(fixtureClient(server.origin, { tls: { ca: other.ca } }))).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/certificate/i) });
  });

  it('dangerouslyAcceptAnyCertificate works for that client only, without global state', async () => {
    const { data } = await get(fixtureClient(server.origin, { tls: { dangerouslyAcceptAnyCertificate: true } }));
    expect(data?.name).toBe('over tls');
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    // Other clients and the global fetch still verify.
    await expect(get(fixtureClient(server.origin))).rejects.toMatchObject({ code: 'network' });
    await expect(fetch(`${server.origin}/v1/Items/a`)).rejects.toThrow();
  });

  it('refuses tls combined with a custom fetch', () => {
    expect(() => fixtureClient(server.origin, { tls: { ca: certs.ca }, fetch: globalThis.fetch })).toThrow('Pass either fetch or tls, not both');
  });
});
