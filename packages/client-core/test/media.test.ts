import { afterEach, describe, expect, it } from 'vitest';
import { VeeamResponseError } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { startServer, type TestServer } from './support/server.js';

describe('media handling', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  const answer = (status: number, contentType: string | undefined, body: string | Buffer) =>
    startServer((_req, res) => {
      res.writeHead(status, contentType ? { 'Content-Type': contentType } : {});
      res.end(body);
    });

  it('sends Accept: application/json explicitly', async () => {
    server = await answer(200, 'application/json', '{"id":"a","name":"n"}');
    await fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(server.requests[0]!.headers.accept).toBe('application/json');
  });

  it('strips a UTF-8 BOM before JSON (EM sends one)', async () => {
    server = await answer(200, 'application/json; charset=utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"a","name":"n"}')]));
    const { data } = await fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'n' });
  });

  it('an unexpected content type is VeeamResponseError unexpected-content-type', async () => {
    server = await answer(200, 'text/html', '<html>login page</html>');
    const failure = await fixtureClient(server.origin)
      .GET('/Items/{id}', { params: { path: { id: 'a' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamResponseError);
    expect(failure).toMatchObject({
      code: 'unexpected-content-type',
      status: 200,
      operationId: 'getItem',
      contentType: 'text/html',
      message: 'getItem: expected application/json but the server sent "text/html" (status 200).',
    });
  });

  it('a truncated JSON body is VeeamResponseError undecodable-body', async () => {
    server = await answer(200, 'application/json', '{"id":"a","na');
    await expect(fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      code: 'undecodable-body',
      operationId: 'getItem',
      message: expect.stringMatching(/^getItem: cannot decode the JSON body of the 200 response: /),
    });
  });

  it('a non-2xx answer carries { status, operationId, body } with the parsed error body', async () => {
    server = await answer(404, 'application/json', '{"message":"Job not found","errorCode":"NotFound"}');
    const { data, error, response } = await fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ status: 404, operationId: 'getItem', body: { message: 'Job not found', errorCode: 'NotFound' } });
  });

  it('an error body that is not JSON stays raw text', async () => {
    server = await answer(502, 'text/html', '<h1>Bad gateway</h1>');
    const { error } = await fixtureClient(server.origin, { retry: { maxRetries: 0 } }).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(error).toEqual({ status: 502, operationId: 'getItem', body: '<h1>Bad gateway</h1>' });
  });

  it("format 'xml' on a product without XML is refused clearly", async () => {
    server = await answer(200, 'application/json', '{}');
    await expect(
      fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } }, format: 'xml' } as never),
    ).rejects.toThrow("format 'xml' is offered by enterprise-manager only, not fixture.");
  });

  it('rejects a relative baseUrl with a clear message', () => {
    expect(() => fixtureClient('')).toThrow('baseUrl must be an absolute http(s) URL');
  });
});

describe('response size limit', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('refuses a declared Content-Length over maxResponseBytes before reading it', async () => {
    server = await startServer((_req, res) => {
      const big = Buffer.alloc(4096, 0x20);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': big.length });
      res.end(big);
    });
    await expect(fixtureClient(server.origin, { maxResponseBytes: 1024 }).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      name: 'VeeamResponseError',
      code: 'too-large',
      message: 'getItem: the 200 response declares 4096 bytes, over maxResponseBytes (1024).',
    });
  });

  it('stops a chunked body once it passes maxResponseBytes', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024, 0x20));
      res.end('{}');
    });
    await expect(fixtureClient(server.origin, { maxResponseBytes: 8192 }).GET('/Items/{id}', { params: { path: { id: 'a' } } })).rejects.toMatchObject({
      code: 'too-large',
      message: 'getItem: the 200 response streamed past 8192 bytes, over maxResponseBytes (8192).',
    });
  });

  it('passes bodies under the limit, declared or chunked', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"id":"a",');
      res.end('"name":"n"}');
    });
    const { data } = await fixtureClient(server.origin, { maxResponseBytes: 64 }).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'n' });
  });
});
