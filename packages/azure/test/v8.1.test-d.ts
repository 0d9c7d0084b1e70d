// Types of the v8.1 entry point: typed by the v8.1 spec, different from v2 where the specs differ, JSON only.
import { describe, expectTypeOf, it } from 'vitest';
import * as v2 from '../src/v2.js';
import { createClient, type AzureClient, type Schema } from '../src/v8.1.js';

const vb = createClient({ baseUrl: 'http://127.0.0.1:1/api/v8.1', auth: { username: 'u', password: 'p' } });

describe('azure v8.1 types', () => {
  it('the v8.1 client is not the v2 client', () => {
    expectTypeOf(vb).toEqualTypeOf<AzureClient>();
    expectTypeOf<AzureClient>().not.toEqualTypeOf<v2.AzureClient>();
    expectTypeOf<Schema<'JobSessionType'>>().not.toEqualTypeOf<v2.Schema<'JobSessionType'>>();
  });

  it('JobSessionType: v2 lists AutoBackup, v8.1 does not', () => {
    expectTypeOf<'AutoBackup'>().toMatchTypeOf<v2.Schema<'JobSessionType'>>();
    expectTypeOf<'AutoBackup'>().not.toMatchTypeOf<Schema<'JobSessionType'>>();
  });

  it('/jobSessions filters: v8.1 has ResourceId and Filter, v2 had VmId', () => {
    void vb.GET('/jobSessions', { params: { query: { ResourceId: 'x', Filter: 'daily', Offset: 0, Limit: 10 } } });
    // @ts-expect-error v8.1 has no VmId filter
    void vb.GET('/jobSessions', { params: { query: { VmId: 'x' } } });
    const old = v2.createClient({ baseUrl: 'http://127.0.0.1:1/api/v2', auth: { username: 'u', password: 'p' } });
    void old.GET('/jobSessions', { params: { query: { VmId: 'x' } } });
    // @ts-expect-error v2 has no ResourceId filter
    void old.GET('/jobSessions', { params: { query: { ResourceId: 'x' } } });
  });

  it('v8.1 paths exist only in v8.1', () => {
    void vb.GET('/system/about');
    const old = v2.createClient({ baseUrl: 'http://127.0.0.1:1/api/v2', auth: { username: 'u', password: 'p' } });
    // @ts-expect-error v2 has no /system/about
    void old.GET('/system/about');
  });

  it('paginate yields v8.1 JobSession items; the log is one object', async () => {
    const it = vb.paginate('listJobSessions', { params: { query: { Limit: 50 } } });
    type Item = typeof it extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<NonNullable<Item>['status']>().toEqualTypeOf<Schema<'JobSessionStatus'>>();
    const { data } = await vb.GET('/jobSessions/{sessionId}/log', { params: { path: { sessionId: 'x' } } });
    expectTypeOf(data).toMatchTypeOf<Schema<'SessionLog'> | undefined>();
    // @ts-expect-error the log is not paged in v8.1
    void vb.paginate('getJobSessionLog', { params: { path: { sessionId: 'x' } } });
  });

  it('rejects format (XML is enterprise-manager only)', () => {
    // @ts-expect-error format is an enterprise-manager option
    void vb.GET('/jobSessions', { format: 'xml' });
    // @ts-expect-error not in paginate either
    void vb.paginate('listJobSessions', { format: 'xml' });
  });
});
