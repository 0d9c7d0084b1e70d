import { afterEach, describe, expect, it } from 'vitest';
import { VeeamResponseError, XmlDecodeError } from '../src/index.js';
import { fixtureClient, xmlFixtureClient } from './support/fixture.js';
import { startServer, type TestServer } from './support/server.js';
import { FULL, NS } from './xml/mapping.fixture.js';

/** Answers every request with `status`, `contentType` and the exact bytes of `body`. */
const answer = (status: number, contentType: string | undefined, body: Buffer | string, extra: Record<string, string> = {}) =>
  startServer((_req, res) => {
    res.writeHead(status, { ...(contentType ? { 'Content-Type': contentType } : {}), ...extra });
    res.end(body);
  });

describe('bodies are strict UTF-8', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('ISO-8859-1 bytes in a JSON body: VeeamResponseError naming the byte, line and column (no silent U+FFFD)', async () => {
    // "Sauvegarde réussie" in Latin-1: é is the single byte 0xE9.
    const body = Buffer.concat([Buffer.from('{"id":"a",\n "name":"Sauvegarde r'), Buffer.from([0xe9]), Buffer.from('ussie"}')]);
    server = await answer(200, 'application/json; charset=utf-8', body);
    const failure = await fixtureClient(server.origin)
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamResponseError);
    expect(failure).toMatchObject({
      code: 'undecodable-body',
      status: 200,
      operationId: 'getItem',
      message: 'getItem: cannot decode the JSON body of the 200 response: invalid UTF-8 at byte 32 (line 2, column 22); the client reads UTF-8 only',
    });
  });

  it('a UTF-8 body with a BOM and multi-byte characters decodes', async () => {
    server = await answer(200, 'application/json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"a","name":"réussie ✓"}')]));
    const { data } = await fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'réussie ✓' });
  });

  it('an XML declaration naming ISO-8859-1: undecodable-body from XmlDecodeError unsupported-encoding at its line:column', async () => {
    server = await answer(200, 'application/xml', `<?xml version="1.0" encoding="ISO-8859-1"?>\n<Session xmlns="${NS}" UID="u">${FULL}</Session>`);
    const failure = await xmlFixtureClient(server.origin)
      .GET('/Sessions/{id}', { params: { path: { id: 's' } } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      name: 'VeeamResponseError',
      code: 'undecodable-body',
      message: 'getSession: cannot decode the XML body of the 200 response: XML 1:31: the XML declaration names encoding "ISO-8859-1"; expected UTF-8 (the only encoding read)',
    });
    expect((failure as Error).cause).toBeInstanceOf(XmlDecodeError);
    expect((failure as Error).cause).toMatchObject({ code: 'unsupported-encoding', line: 1, column: 31 });
  });

  it('a NUL character in an XML body: XmlDecodeError invalid-character at its line:column', async () => {
    server = await answer(200, 'application/xml; charset=utf-8', `<Session xmlns="${NS}" UID="u">\n<JobName>a\u0000b</JobName>${FULL.split('\n').slice(2).join('\n')}<Links/></Session>`);
    const failure = await xmlFixtureClient(server.origin)
      .GET('/Sessions/{id}', { params: { path: { id: 's' } } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'undecodable-body', message: expect.stringContaining('XML 2:11: character U+0000 is not allowed in an XML document') });
    expect((failure as Error).cause).toMatchObject({ code: 'invalid-character', line: 2, column: 11 });
  });

  it('invalid UTF-8 in an XML body is refused before XML decoding', async () => {
    server = await answer(200, 'application/xml', Buffer.concat([Buffer.from(`<Session xmlns="${NS}" UID="`), Buffer.from([0xff, 0xfe]), Buffer.from(`"/>`)]));
    await expect(xmlFixtureClient(server.origin).GET('/Sessions/{id}', { params: { path: { id: 's' } } })).rejects.toMatchObject({
      code: 'undecodable-body',
      message: expect.stringContaining(`invalid UTF-8 at byte ${`<Session xmlns="${NS}" UID="`.length} (line 1, column ${`<Session xmlns="${NS}" UID="`.length + 1})`),
    });
  });
});

describe('empty bodies', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it.each([
    ['Content-Length: 0', { 'Content-Length': '0' }],
    ['chunked, no bytes', {}],
  ])('a 200 without a body where the spec documents one is VeeamResponseError empty-body (%s)', async (_name, headers) => {
    server = await answer(200, 'application/json', '', headers);
    const failure = await fixtureClient(server.origin)
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamResponseError);
    expect(failure).toMatchObject({
      code: 'empty-body',
      status: 200,
      operationId: 'getItem',
      message: 'getItem: the 200 response has an empty body; the spec documents application/json content for it.',
    });
  });

  it('a 204 where the spec documents no content still gives data undefined', async () => {
    server = await answer(204, undefined, '');
    const { data, error, response } = await fixtureClient(server.origin).DELETE('/Tasks/{id}', { params: { path: { id: 'a' } } });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
  });

  it('an empty error body stays an error result, not an exception', async () => {
    server = await answer(404, undefined, '', { 'Content-Length': '0' });
    const { error } = await fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(error).toEqual({ status: 404, operationId: 'getItem', body: undefined });
  });
});
