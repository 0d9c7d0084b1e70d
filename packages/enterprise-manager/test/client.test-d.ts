import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type ApiError, type Schema } from '../src/index.js';

const em = createClient({ baseUrl: 'http://127.0.0.1:1/api', auth: { username: 'u', password: 'p' } });

describe('enterprise-manager types', () => {
  it('types responses from the spec, the same for JSON and XML', async () => {
    const { data, error } = await em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' }, query: { format: 'Entity' } }, format: 'xml' });
    expectTypeOf(data).toEqualTypeOf<Schema<'BackupJobSession'> | undefined>();
    expectTypeOf(error).toEqualTypeOf<ApiError<Schema<'Error'>> | undefined>();
    expectTypeOf<Schema<'BackupJobSession'>['State']>().toMatchTypeOf<string>();
    const json = await em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' }, query: { format: 'Entity' } }, format: 'json' });
    expectTypeOf(json.data).toEqualTypeOf<Schema<'BackupJobSession'> | undefined>();
  });

  it('rejects wrong path params, unknown paths and bad options at compile time', () => {
    // @ts-expect-error path params are required
    void em.GET('/backupSessions/{ID}');
    // @ts-expect-error the parameter is ID, not id
    void em.GET('/backupSessions/{ID}', { params: { path: { id: 'x' } } });
    // @ts-expect-error no such path in the spec
    void em.GET('/backupSession/{ID}', { params: { path: { ID: 'x' } } });
    // @ts-expect-error stop needs ?action=stop
    void em.POST('/backupSessions/{ID}', { params: { path: { ID: 'x' } } });
    // @ts-expect-error only json or xml
    void em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' } }, format: 'yaml' });
    // @ts-expect-error ?format= takes Entity only (the reference is the default)
    void em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' }, query: { format: 'Entities' } } });
    // @ts-expect-error unknown init key
    void em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' } }, formats: 'xml' });
    // @ts-expect-error parseAs: the client decodes the body itself (JSON or XML)
    void em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' } }, parseAs: 'text' });
    void em.POST('/backupSessions/{ID}', { params: { path: { ID: 'x' }, query: { action: 'stop' } } });
  });

  it('types paginate items and refuses unpaged operations', () => {
    const refs = em.paginate('listQueryResults', { params: { query: { type: 'BackupJobSession' } } });
    type Item = typeof refs extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<Item>().not.toBeUnknown();
    expectTypeOf<Item>().toHaveProperty('Href');
    // @ts-expect-error getBackupSession is not paged
    void em.paginate('getBackupSession', { params: { path: { ID: 'x' } } });
  });

  it('follow() narrows by operationId', async () => {
    const result = await em.follow({ Rel: 'Up', Href: 'http://h/api/backupServers/x', Type: null, Name: null });
    if (result.operationId === 'getBackupServer') {
      expectTypeOf(result.data).toEqualTypeOf<Schema<'EntityRef'> | Schema<'BackupServer'> | undefined>();
    }
  });

  it('link and reference types are open sets: known values and any other string', () => {
    type LinkType = NonNullable<Schema<'Link'>['Type']>;
    expectTypeOf<'ObjectInJobList'>().toMatchTypeOf<LinkType>();
    expectTypeOf<'TypeOfAVersionNotYetReleased'>().toMatchTypeOf<LinkType>();
    expectTypeOf<null>().toMatchTypeOf<Schema<'Link'>['Type']>();
    expectTypeOf<'Download'>().toMatchTypeOf<Schema<'Link'>['Rel']>();
    expectTypeOf<'CloudTenantReference'>().toMatchTypeOf<Schema<'Ref'>['Type']>();
    // Closed sets stay closed: a task state outside Running/OperationFinished/Finished is a type error.
    expectTypeOf<'OperationFinished'>().toMatchTypeOf<NonNullable<Schema<'Task'>['State']>>();
    expectTypeOf<'Paused'>().not.toMatchTypeOf<NonNullable<Schema<'Task'>['State']>>();
  });

  it('paginate keeps the items of every itemsBy location', () => {
    const entities = em.paginate('listQueryResults', { params: { query: { type: 'BackupJobSession', format: 'Entities' } }, format: 'xml' });
    type Item = typeof entities extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<Schema<'BackupJobSession'>>().toMatchTypeOf<Item>();
    expectTypeOf<Schema<'Ref'>>().toMatchTypeOf<Item>();
  });
});

