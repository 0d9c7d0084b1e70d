import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type Schema } from '../src/index.js';

const vb = createClient({ baseUrl: 'http://127.0.0.1:1/api/v2', auth: { username: 'u', password: 'p' } });

describe('azure types', () => {
  it('types the page and its query parameters', async () => {
    const { data } = await vb.GET('/jobSessions', { params: { query: { Offset: 0, Limit: 10 } } });
    expectTypeOf(data).toMatchTypeOf<Schema<'JobSessionPage'> | undefined>();
    expectTypeOf<Schema<'JobSessionPage'> | undefined>().toMatchTypeOf(data);
    // @ts-expect-error Offset is a number
    void vb.GET('/jobSessions', { params: { query: { Offset: 'zero' } } });
    // @ts-expect-error path params are required
    void vb.GET('/jobSessions/{sessionId}');
  });

  it('paginate yields typed JobSession items and refuses unpaged operations', () => {
    const it = vb.paginate('listJobSessions', { params: { query: { Limit: 50 } } });
    expectTypeOf(it).toMatchTypeOf<AsyncIterable<Schema<'JobSession'>>>();
    type Item = typeof it extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<Schema<'JobSession'>>().toMatchTypeOf<Item>();
    expectTypeOf<Item['status']>().toEqualTypeOf<Schema<'JobSession'>['status']>();
    // @ts-expect-error getJobSession is not paged
    void vb.paginate('getJobSession', { params: { path: { sessionId: 'x' } } });
  });

  it('rejects format (XML is enterprise-manager only) and every other unknown init key', () => {
    // @ts-expect-error format is an enterprise-manager option
    void vb.GET('/jobSessions', { params: { query: { Limit: 10 } }, format: 'xml' });
    // @ts-expect-error even format: 'json', the only media this API speaks
    void vb.GET('/jobSessions', { params: { query: { Limit: 10 } }, format: 'json' });
    // @ts-expect-error a misspelled option
    void vb.GET('/jobSessions', { params: { query: { Limit: 10 } }, timeOutMs: 10 });
    // @ts-expect-error parseAs: the client decodes the body itself
    void vb.GET('/jobSessions', { params: { query: { Limit: 10 } }, parseAs: 'text' });
    // @ts-expect-error follow takes call options only
    void vb.follow({ href: 'https://h/x' }, { format: 'xml' });
    // @ts-expect-error paginate takes the same init
    void vb.paginate('listJobSessions', { params: { query: { Limit: 50 } }, format: 'xml' });
    void vb.GET('/jobSessions', { params: { query: { Limit: 10 } }, timeoutMs: 10, signal: AbortSignal.timeout(5), headers: { 'X-Trace': '1' }, redirect: 'error' });
  });
});
