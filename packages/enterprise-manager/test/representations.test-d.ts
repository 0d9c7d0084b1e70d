// x-veeam-representations at the type level: `?format=Entity` gives the entity, no `format` the EntityRef,
// on every EM operation that has representations, for JSON and XML alike.
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type operations, type operationTable, type Schema } from '../src/index.js';

const em = createClient({ baseUrl: 'http://127.0.0.1:1/api', auth: { username: 'u', password: 'p' } });
const path = { ID: 'd46e39e0-1131-4585-91a7-e828ce7eafae' };
declare const maybeEntity: 'Entity' | undefined;
declare const query: operations['getBackupSession']['parameters']['query'];

type Table = typeof operationTable;
type WithRepresentations = { [Id in keyof Table]: Table[Id]['representations'] extends null ? never : Id }[keyof Table];

describe('enterprise-manager: data narrows by ?format=', () => {
  it('covers every operation with representations', () => {
    const covered = [
      'getAgentJob',
      'getBackup',
      'getBackupServer',
      'getBackupSession',
      'getBackupTaskSession',
      'getJob',
      'getNasJob',
      'getRestorePoint',
      'getVmRestorePoint',
      'listAgentJobs',
      'listBackupServers',
      'listBackupSessions',
      'listBackupTaskSessions',
      'listBackups',
      'listJobs',
      'listNasJobs',
      'listRestorePoints',
      'listVmRestorePoints',
    ] as const;
    expectTypeOf<(typeof covered)[number]>().toEqualTypeOf<WithRepresentations>();
  });

  it('format=Entity gives the entity', async () => {
    const entity = { params: { path, query: { format: 'Entity' } } } as const;
    expectTypeOf((await em.GET('/agents/jobs/{ID}', entity)).data).toEqualTypeOf<Schema<'AgentBackupJob'> | undefined>();
    expectTypeOf((await em.GET('/backups/{ID}', entity)).data).toEqualTypeOf<Schema<'Backup'> | undefined>();
    expectTypeOf((await em.GET('/backupServers/{ID}', entity)).data).toEqualTypeOf<Schema<'BackupServer'> | undefined>();
    expectTypeOf((await em.GET('/backupSessions/{ID}', entity)).data).toEqualTypeOf<Schema<'BackupJobSession'> | undefined>();
    expectTypeOf((await em.GET('/backupTaskSessions/{ID}', entity)).data).toEqualTypeOf<Schema<'BackupTaskSession'> | undefined>();
    expectTypeOf((await em.GET('/jobs/{ID}', entity)).data).toEqualTypeOf<Schema<'Job'> | undefined>();
    expectTypeOf((await em.GET('/nas/jobs/{ID}', entity)).data).toEqualTypeOf<Schema<'NASJob'> | undefined>();
    expectTypeOf((await em.GET('/restorePoints/{ID}', entity)).data).toEqualTypeOf<Schema<'RestorePoint'> | undefined>();
    expectTypeOf((await em.GET('/vmRestorePoints/{ID}', entity)).data).toEqualTypeOf<Schema<'VmRestorePoint'> | undefined>();
  });

  it('format=Entity on a collection gives the entity list, no format the EntityReferences', async () => {
    const entities = { params: { query: { format: 'Entity' } } } as const;
    expectTypeOf((await em.GET('/agents/jobs', entities)).data).toEqualTypeOf<Schema<'AgentBackupJobs'> | undefined>();
    expectTypeOf((await em.GET('/backupServers', entities)).data).toEqualTypeOf<Schema<'BackupServers'> | undefined>();
    expectTypeOf((await em.GET('/backupSessions', entities)).data).toEqualTypeOf<Schema<'BackupJobSessions'> | undefined>();
    expectTypeOf((await em.GET('/backupTaskSessions', entities)).data).toEqualTypeOf<Schema<'BackupTaskSessions'> | undefined>();
    expectTypeOf((await em.GET('/backups', entities)).data).toEqualTypeOf<Schema<'Backups'> | undefined>();
    expectTypeOf((await em.GET('/jobs', entities)).data).toEqualTypeOf<Schema<'Jobs'> | undefined>();
    expectTypeOf((await em.GET('/nas/jobs', entities)).data).toEqualTypeOf<Schema<'NASJobs'> | undefined>();
    expectTypeOf((await em.GET('/restorePoints', entities)).data).toEqualTypeOf<Schema<'RestorePoints'> | undefined>();
    expectTypeOf((await em.GET('/vmRestorePoints', entities)).data).toEqualTypeOf<Schema<'VmRestorePoints'> | undefined>();
    expectTypeOf((await em.GET('/jobs')).data).toEqualTypeOf<Schema<'EntityReferences'> | undefined>();
    expectTypeOf((await em.GET('/backupSessions', { params: {} })).data).toEqualTypeOf<Schema<'EntityReferences'> | undefined>();
  });

  it('no format gives the EntityRef', async () => {
    const ref = { params: { path } };
    expectTypeOf((await em.GET('/agents/jobs/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/backups/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/backupServers/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/backupSessions/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/backupTaskSessions/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/jobs/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/nas/jobs/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/restorePoints/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    expectTypeOf((await em.GET('/vmRestorePoints/{ID}', ref)).data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
    const emptyQuery = await em.GET('/backupSessions/{ID}', { params: { path, query: {} } });
    expectTypeOf(emptyQuery.data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
  });

  it('inline literals narrow as well, in XML and JSON', async () => {
    const xml = await em.GET('/jobs/{ID}', { params: { path, query: { format: 'Entity' } }, format: 'xml' });
    expectTypeOf(xml.data).toEqualTypeOf<Schema<'Job'> | undefined>();
    if (xml.data) expectTypeOf(xml.data.Name).toEqualTypeOf<string>();
    const json = await em.GET('/jobs/{ID}', { params: { path }, format: 'json' });
    expectTypeOf(json.data).toEqualTypeOf<Schema<'EntityRef'> | undefined>();
  });

  it('a value not known at compile time keeps the union', async () => {
    const either = await em.GET('/backupSessions/{ID}', { params: { path, query: { format: maybeEntity } } });
    expectTypeOf(either.data).toEqualTypeOf<Schema<'EntityRef'> | Schema<'BackupJobSession'> | undefined>();
    const typed = await em.GET('/backupSessions/{ID}', { params: { path, query } });
    expectTypeOf(typed.data).toEqualTypeOf<Schema<'EntityRef'> | Schema<'BackupJobSession'> | undefined>();
  });

  it('operations without representations are unchanged', async () => {
    const { data } = await em.GET('/backupSessions/{ID}/taskSessions', { params: { path } });
    expectTypeOf(data).toEqualTypeOf<Schema<'EntityReferences'> | undefined>();
  });
});
