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
});
