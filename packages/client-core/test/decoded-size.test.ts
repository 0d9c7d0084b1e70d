import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tokenAuth, VeeamResponseError } from '../src/index.js';
import { bomb, compress, peakGrowth, type Encoding } from './support/bomb.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

const MiB = 1 << 20;
const LIMIT = MiB;
const bombs = new Map<Encoding, Buffer>();

beforeAll(async () => {
  // gzip: 128 MiB of spaces in ~130 KB, the shape of the 400 KB body that decoded to 400 M characters.
  bombs.set('gzip', await bomb('gzip', 128));
  bombs.set('deflate', await bomb('deflate', 64));
  bombs.set('br', await bomb('br', 64));
});

/** Serves `body` with `Content-Encoding: encoding`, with a Content-Length or chunked. */
function serve(encoding: Encoding, body: Buffer, framing: 'content-length' | 'chunked', status = 200) {
  return startServer((_req, res) => {
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json', 'Content-Encoding': encoding };
    if (framing === 'content-length') headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    if (framing === 'content-length') return void res.end(body);
    // Chunked: several writes, so the transport sees no length at all.
    for (let offset = 0; offset < body.length; offset += 16 * 1024) res.write(body.subarray(offset, offset + 16 * 1024));
    res.end();
  });
}

describe('maxResponseBytes counts decoded bytes (compression bombs from a real server)', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('a gzip bomb with a small Content-Length is stopped at the limit, with memory bounded', async () => {
    const body = bombs.get('gzip')!;
    expect(body.length).toBeLessThan(LIMIT); // the declared length alone would pass
    server = await serve('gzip', body, 'content-length');
    const client = fixtureClient(server.origin, { maxResponseBytes: LIMIT });
    const { outcome, growthMiB } = await peakGrowth(() => client.GET('/Items/{id}', { params: { path: { id: 'a' } } }));
    expect(outcome).toBeInstanceOf(VeeamResponseError);
    expect(outcome).toMatchObject({
      code: 'too-large',
      status: 200,
      operationId: 'getItem',
      message: `getItem: the 200 response streamed past ${LIMIT} bytes, over maxResponseBytes (${LIMIT}).`,
    });
    // Reading all 128 MiB would take 128 MiB for the bytes and as much again for the string; the limit keeps it to chunks.
    expect(growthMiB).toBeLessThan(64);
  });

  it.each<[Encoding, 'content-length' | 'chunked']>([
    ['gzip', 'chunked'],
    ['deflate', 'content-length'],
    ['deflate', 'chunked'],
    ['br', 'content-length'],
    ['br', 'chunked'],
  ])('a %s bomb (%s) is stopped at the limit with VeeamResponseError too-large', async (encoding, framing) => {
    server = await serve(encoding, bombs.get(encoding)!, framing);
    await expect(fixtureClient(server.origin, { maxResponseBytes: LIMIT }).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      name: 'VeeamResponseError',
      code: 'too-large',
      message: `getItem: the 200 response streamed past ${LIMIT} bytes, over maxResponseBytes (${LIMIT}).`,
    });
  });

  it('an error body (500) is bounded the same way', async () => {
    server = await serve('gzip', bombs.get('gzip')!, 'content-length', 500);
    await expect(
      fixtureClient(server.origin, { maxResponseBytes: LIMIT, retry: { maxRetries: 0 } }).GET('/Items/{id}', { params: { path: { id: 'a' } } }),
    ).rejects.toMatchObject({ code: 'too-large', status: 500 });
  });

  it.each<Encoding>(['gzip', 'deflate', 'br'])('a %s body under the limit decodes normally', async (encoding) => {
    server = await serve(encoding, compress(encoding, JSON.stringify({ id: 'a', name: 'x'.repeat(1000) })), 'content-length');
    const { data } = await fixtureClient(server.origin, { maxResponseBytes: 2048 }).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'x'.repeat(1000) });
  });

  it('a compressed body just over the limit once decoded is refused although its Content-Length is tiny', async () => {
    const text = JSON.stringify({ id: 'a', name: 'y'.repeat(4096) });
    server = await serve('gzip', compress('gzip', text), 'content-length');
    await expect(fixtureClient(server.origin, { maxResponseBytes: 4096 }).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('a token response that is a gzip bomb is refused as a VeeamAuthError', async () => {
    const body = bombs.get('gzip')!;
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(body);
    });
    const auth = tokenAuth({ username: 'u', password: 'p', tokenPath: '/token', grantTypes: { password: 'password', refresh: 'refresh_token' } });
    await expect(fixtureClient(server.origin, { maxResponseBytes: LIMIT }, auth).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      name: 'VeeamAuthError',
      code: 'token-failed',
      message: `Token response is over ${LIMIT} bytes (maxResponseBytes; password grant, POST ${server.origin}/v1/token).`,
    });
  });

  it('an identity body keeps the early refusal by Content-Length (nothing read)', async () => {
    server = await startServer((_req, res) => json(res, 200, { id: 'a', name: 'z'.repeat(2000) }));
    await expect(fixtureClient(server.origin, { maxResponseBytes: 1024 }).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/^getItem: the 200 response declares \d+ bytes, over maxResponseBytes \(1024\)\.$/),
    });
  });
});
