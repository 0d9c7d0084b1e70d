import { afterEach, describe, expect, it } from 'vitest';
import { VeeamPaginationError } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}`, name: `item ${i}` }));

describe('paginate()', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  /** Offset/Limit like VB for Azure; page/pageSize like the EM query service. */
  const pagedServer = () =>
    startServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/v1/Items') {
        const offset = Number(url.searchParams.get('Offset'));
        const limit = Number(url.searchParams.get('Limit'));
        const results = limit < 0 ? ITEMS.slice(offset) : ITEMS.slice(offset, offset + limit);
        return json(res, 200, { offset, limit, totalCount: ITEMS.length, results });
      }
      const page = Number(url.searchParams.get('page'));
      const pageSize = Number(url.searchParams.get('pageSize'));
      const refs = ITEMS.slice((page - 1) * pageSize, page * pageSize);
      return json(res, 200, {
        PagingInfo: { PageNum: page, PageSize: pageSize, PagesCount: Math.ceil(ITEMS.length / pageSize) },
        Refs: { Refs: refs.length ? refs : null },
      });
    });

  it('offset/limit: walks every page and stops at totalCount', async () => {
    server = await pagedServer();
    const client = fixtureClient(server.origin);
    const seen = [];
    for await (const item of client.paginate('listItems', { params: { query: { Limit: 3 } } })) seen.push(item.id);
    expect(seen).toEqual(ITEMS.map((i) => i.id));
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/Items?Limit=3&Offset=0', '/v1/Items?Limit=3&Offset=3', '/v1/Items?Limit=3&Offset=6']);
  });

  it('offset/limit: honours a start offset; pages() yields whole pages', async () => {
    server = await pagedServer();
    const client = fixtureClient(server.origin);
    const pages = [];
    for await (const page of client.paginate('listItems', { params: { query: { Offset: 2, Limit: 4 } } }).pages()) pages.push(page.results.length);
    expect(pages).toEqual([4, 1]);
  });

  it('page/pageSize: walks pages 1..PagesCount through the dotted items path', async () => {
    server = await pagedServer();
    const client = fixtureClient(server.origin);
    const seen = [];
    for await (const item of client.paginate('listPages', { params: { query: { pageSize: 2 } } })) seen.push(item.name);
    expect(seen).toEqual(ITEMS.map((i) => i.name));
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3', '4']);
  });

  it('page/pageSize: an exact multiple stops on the last page without an extra request', async () => {
    server = await pagedServer();
    const client = fixtureClient(server.origin);
    const seen = [];
    for await (const item of client.paginate('listPages', { params: { query: { pageSize: 7 } } })) seen.push(item.id);
    expect(seen).toHaveLength(7);
    expect(server.requests).toHaveLength(1);
  });

  it('a failing page throws VeeamPaginationError carrying the API error', async () => {
    server = await startServer((_req, res) => json(res, 403, { message: 'forbidden' }));
    const client = fixtureClient(server.origin);
    const iterate = async () => {
      for await (const _ of client.paginate('listItems')) void _;
    };
    await expect(iterate()).rejects.toMatchObject({
      code: 'http-error',
      operationId: 'listItems',
      error: { status: 403, operationId: 'listItems', body: { message: 'forbidden' } },
    });
  });

  it('a page without its items array is a clear bad-page error', async () => {
    server = await startServer((_req, res) => json(res, 200, { offset: 0, limit: 100, results: 'nope' }));
    const iterate = async () => {
      for await (const _ of fixtureClient(server.origin).paginate('listItems')) void _;
    };
    await expect(iterate()).rejects.toThrow('listItems: expected an array at "results" of the page, got string.');
  });

  it('an unpaged operation is refused, naming the paged ones', () => {
    const client = fixtureClient('http://127.0.0.1:1');
    expect(() => client.paginate('getItem' as 'listItems')).toThrow(VeeamPaginationError);
    expect(() => client.paginate('getItem' as 'listItems')).toThrow('getItem is not a paged operation of fixture (no x-veeam-pagination); paged ones: listItems, listPages.');
  });
});
