// Types of the v8 entry point: typed by the v8 spec, different from v3 where the specs differ, JSON only.
import { describe, expectTypeOf, it } from 'vitest';
import * as v3 from '../src/v3.js';
import { createClient, type M365Client, type Schema } from '../src/v8.js';

const vb = createClient({ baseUrl: 'http://127.0.0.1:1/v8', auth: { username: 'u', password: 'p' } });

describe('m365 v8 types', () => {
  it('the v8 client is not the v3 client', () => {
    expectTypeOf(vb).toEqualTypeOf<M365Client>();
    expectTypeOf<M365Client>().not.toEqualTypeOf<v3.M365Client>();
    expectTypeOf<Schema<'JobSession'>>().not.toEqualTypeOf<v3.Schema<'JobSession'>>();
  });

  it('JobSession: v8 adds jobId and makes id optional, as the v8 spec says', () => {
    expectTypeOf<Schema<'JobSession'>['jobId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Schema<'JobSession'>['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<v3.Schema<'JobSession'>['id']>().toEqualTypeOf<string>();
    // @ts-expect-error the v3 JobSession has no jobId
    type NoJobId = v3.Schema<'JobSession'>['jobId'];
  });

  it('v8 paths exist only in v8; /JobSessions takes the v8 filters', () => {
    void vb.GET('/Organizations');
    void vb.GET('/JobSessions', { params: { query: { jobId: 'x', offset: 0, limit: 10 } } });
    // @ts-expect-error limit is a number
    void vb.GET('/JobSessions', { params: { query: { limit: 'ten' } } });
    const old = v3.createClient({ baseUrl: 'http://127.0.0.1:1/v3', auth: { username: 'u', password: 'p' } });
    // @ts-expect-error v3 has no /Organizations
    void old.GET('/Organizations');
  });

  it('paginate yields v8 JobSession items and log items; unpaged operations are refused', () => {
    const sessions = vb.paginate('listJobSessions', { params: { query: { limit: 50 } } });
    type Item = typeof sessions extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<Item['jobId']>().toEqualTypeOf<Schema<'JobSession'>['jobId']>();
    const log = vb.paginate('listJobSessionLogItems', { params: { path: { id: 'x' } } });
    type LogItem = typeof log extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<LogItem['message']>().toEqualTypeOf<Schema<'LogItem'>['message']>();
    // @ts-expect-error getJobSession is not paged
    void vb.paginate('getJobSession', { params: { path: { id: 'x' } } });
  });

  it('rejects format (XML is enterprise-manager only)', () => {
    // @ts-expect-error format is an enterprise-manager option
    void vb.GET('/JobSessions', { format: 'xml' });
    // @ts-expect-error not in paginate either
    void vb.paginate('listJobSessions', { format: 'xml' });
    // @ts-expect-error follow takes call options only
    void vb.follow({ href: 'https://h/v8/JobSessions' }, { format: 'xml' });
  });
});
