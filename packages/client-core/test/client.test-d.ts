import { describe, expectTypeOf, it } from 'vitest';
import type { ApiError } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';

const client = fixtureClient('http://127.0.0.1:1');

describe('typed client (fixture product)', () => {
  it('types data and error from the operation', async () => {
    const { data, error } = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expectTypeOf(data).toEqualTypeOf<{ id: string; name: string } | undefined>();
    expectTypeOf(error).toEqualTypeOf<ApiError<{ message: string; errorCode?: string }> | undefined>();
    if (error) expectTypeOf(error.status).toEqualTypeOf<number>();
  });

  it('requires the path params and the body', () => {
    // @ts-expect-error missing path params
    void client.GET('/Items/{id}');
    // @ts-expect-error wrong path param name
    void client.GET('/Items/{id}', { params: { path: { ID: 'a' } } });
    // @ts-expect-error unknown path
    void client.GET('/Nope/{id}', { params: { path: { id: 'a' } } });
    // @ts-expect-error body of the wrong shape
    void client.POST('/Items', { body: { title: 'x' } });
    // @ts-expect-error method not defined on that path
    void client.DELETE('/Items');
    void client.POST('/Items', { body: { name: 'x' } });
  });

  it('accepts the client call options', () => {
    void client.GET('/Items/{id}', { params: { path: { id: 'a' } }, timeoutMs: 10, signal: AbortSignal.timeout(5) });
  });

  it('accepts the openapi-fetch init keys the runtime honours', () => {
    const middleware = [{ onRequest: ({ request }: { request: Request }) => request }];
    void client.GET('/Items/{id}', {
      params: { path: { id: 'a' } },
      headers: { 'X-Trace': '1' },
      signal: null,
      querySerializer: { array: { style: 'form', explode: false } },
      pathSerializer: (path: string) => path,
      middleware,
      fetch: (request: Request) => globalThis.fetch(request),
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
      keepalive: false,
    });
    void client.POST('/Items', { body: { name: 'x' }, bodySerializer: (body) => JSON.stringify(body), headers: [['X-Trace', '1']] });
  });

  it('rejects every other init key at compile time, on methods and paginate', () => {
    // @ts-expect-error format is an enterprise-manager option; this client has X = {}
    void client.GET('/Items/{id}', { params: { path: { id: 'a' } }, format: 'xml' });
    // @ts-expect-error a misspelled option is an error, not silently ignored
    void client.GET('/Items/{id}', { params: { path: { id: 'a' } }, timeout: 10 });
    // @ts-expect-error parseAs: the client always reads text and decodes it
    void client.GET('/Items/{id}', { params: { path: { id: 'a' } }, parseAs: 'blob' });
    // @ts-expect-error method: fixed by GET/POST/...
    void client.GET('/Items/{id}', { params: { path: { id: 'a' } }, method: 'DELETE' });
    // @ts-expect-error baseUrl: the client is bound to its server (auth, follow)
    void client.GET('/Items/{id}', { params: { path: { id: 'a' } }, baseUrl: 'https://elsewhere.example.com' });
    // @ts-expect-error also on calls whose init is optional
    void client.GET('/Items', { format: 'xml' });
    // @ts-expect-error and on POST
    void client.POST('/Items', { body: { name: 'x' }, format: 'xml' });
    // @ts-expect-error paginate takes the same init
    void client.paginate('listItems', { format: 'xml' });
    // @ts-expect-error follow takes call options only
    void client.follow({ href: 'https://h/v1/Items/a' }, { format: 'xml' });
  });

  it('types paginate items and pages; refuses unpaged operations', () => {
    const items = client.paginate('listItems');
    expectTypeOf(items).toMatchTypeOf<AsyncIterable<{ id: string; name: string }>>();
    expectTypeOf(client.paginate('listPages')).toMatchTypeOf<AsyncIterable<{ id: string; name: string }>>();
    expectTypeOf(items.pages()).toMatchTypeOf<AsyncIterable<{ totalCount: number }>>();
    // @ts-expect-error getItem has no x-veeam-pagination
    void client.paginate('getItem');
  });

  it('follow() returns a union discriminated by operationId', async () => {
    const result = await client.follow({ Href: 'https://h/v1/Items/a', Rel: 'Alternate' });
    if (result.operationId === 'getItemLog') expectTypeOf(result.data).toEqualTypeOf<string[] | undefined>();
    if (result.operationId === 'getItem') expectTypeOf(result.data).toEqualTypeOf<{ id: string; name: string } | undefined>();
  });
});
