import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VeeamRequestError, VeeamResponseError, XmlDecodeError } from '../src/index.js';
import { xmlFixtureClient } from './support/fixture.js';
import { startServer, type TestServer } from './support/server.js';
import { FULL, NS } from './xml/mapping.fixture.js';

/** Serves `body` as application/xml, gzip-compressed when asked (small on the wire, large to decode). */
const serveXml = (body: string, gzip = false) => {
  // Compressed once, before the server starts: the server shares this process's event loop.
  const bytes = gzip ? gzipSync(body) : Buffer.from(body);
  return startServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Length': bytes.length, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(bytes);
  });
};

const get = (origin: string, options: Parameters<typeof xmlFixtureClient>[1] = {}) =>
  xmlFixtureClient(origin, options)
    .GET('/Sessions/{id}', { params: { path: { id: 's' } } })
    .catch((e: unknown) => e);

describe('XML bodies with hostile start tags, from a real server', () => {
  let server: TestServer;
  afterEach(async () => {
    vi.useRealTimers();
    await server?.close();
  });

  it('1.09 MB with 100k attributes on the root: refused at the 257th attribute with its line:column', async () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="v"`).join(' ');
    const body = `<Session xmlns="${NS}" UID="u" ${attrs}>${FULL}</Session>`;
    server = await serveXml(body);
    const failure = await get(server.origin);
    expect(failure).toBeInstanceOf(VeeamResponseError);
    const column = body.indexOf(' a254=') + 2;
    expect(failure).toMatchObject({
      code: 'undecodable-body',
      message: `getSession: cannot decode the XML body of the 200 response: XML 1:${column}: <Session> has more than 256 attributes (maxAttributes, namespace declarations included)`,
    });
    expect((failure as Error).cause).toBeInstanceOf(XmlDecodeError);
  });

  it('0.74 MB of namespace prefixes: refused the same way', async () => {
    const prefixes = Array.from({ length: 30_000 }, (_, i) => `xmlns:p${i}="urn:example:prefix:${i}"`).join(' ');
    server = await serveXml(`<Session xmlns="${NS}" ${prefixes} UID="u">${FULL}</Session>`);
    const failure = await get(server.origin);
    expect((failure as Error).cause).toMatchObject({ code: 'too-many-attributes', line: 1 });
  });

  it('the call timeout covers decoding: a body that arrives in time but is still decoding at the deadline ends in VeeamRequestError timeout', async () => {
    // Decoding is synchronous, so the call's timer cannot fire during it: the decoder must check the
    // deadline itself. To hit that window on a loaded machine without racing real timers, only Date is
    // faked (timers stay real): the server answers at once and moves the clock past the deadline, so
    // the body arrives before the real 60 s timer and is decoded after the deadline. Old code decoded
    // it completely and returned data.
    vi.useFakeTimers({ toFake: ['Date'] });
    const body = gzipSync(`<Session xmlns="${NS}" UID="u">${FULL}${'<Tag/>'.repeat(200_000)}</Session>`);
    server = await startServer((_req, res) => {
      vi.setSystemTime(Date.now() + 61_000);
      res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(body);
    });
    const failure = await get(server.origin, { timeoutMs: 60_000 });
    expect(failure).toBeInstanceOf(VeeamRequestError);
    expect(failure).toMatchObject({ code: 'timeout', message: `GET ${server.origin}/v1/Sessions/{id} timed out after 60000 ms (while decoding the response body).` });
    expect((failure as Error).cause).toMatchObject({ name: 'XmlDecodeError', code: 'timeout' });
  });

  it('the same body decodes completely without a timeout', async () => {
    const body = `<Session xmlns="${NS}" UID="u">${FULL}${'<Tag/>'.repeat(20_000)}</Session>`;
    server = await serveXml(body, true);
    const { data } = await xmlFixtureClient(server.origin, { timeoutMs: 0 }).GET('/Sessions/{id}', { params: { path: { id: 's' } } });
    expect(data?.Tags).toHaveLength(20_002);
  });
});
