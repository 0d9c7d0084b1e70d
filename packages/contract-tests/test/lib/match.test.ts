import { beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type Validator } from '../../src/index.js';
import { FIXTURE_ROOT } from './helpers.js';

let v: Validator;
beforeAll(async () => { v = await createValidator({ rootDir: FIXTURE_ROOT }); await v.loadAll(); });

describe('matchOperation', () => {
  it.each([
    ['enterprise-manager', 'GET', 'https://em:9398/api/backupSessions/abc', 'getBackupSession', 'EntityRef'],
    ['enterprise-manager', 'get', '/api/backupSessions/abc?format=Entity', 'getBackupSession', 'BackupJobSession'],
    ['enterprise-manager', 'GET', '/api/backupSessions/abc?FORMAT=entity', 'getBackupSession', 'BackupJobSession'],
    ['enterprise-manager', 'GET', '/backupSessions/abc', 'getBackupSession', 'EntityRef'],
    ['enterprise-manager', 'POST', 'http://em:9399/api/sessionMngr/?v=latest', 'createLogonSession', undefined],
    ['enterprise-manager', 'POST', '/api/sessionMngr', 'createLogonSession', undefined],
    ['m365', 'GET', 'https://vbo:4443/v3/jobs/1/jobsessions', 'listJobSessionsForJob', undefined],
    ['m365', 'GET', '/v3/jobsessions/7', 'getJobSession', undefined],
    ['azure', 'GET', 'https://az/api/v2/jobSessions?Offset=0&Limit=10', 'listJobSessions', undefined],
  ])('%s %s %s -> %s', (product, method, url, operationId, representation) => {
    const m = v.match(product as any, method, url);
    expect(m?.operation.operationId).toBe(operationId);
    expect(m?.representation).toBe(representation);
  });

  it.each([
    ['enterprise-manager', 'GET', '/api/backupsessions/abc'], // EM is case-sensitive (no marker)
    ['enterprise-manager', 'GET', '/api/backupSessions'],
    ['enterprise-manager', 'GET', '/api/backupSessions/abc/extra'],
    ['m365', 'POST', '/v3/Jobs/1/JobSessions'],
  ])('%s %s %s -> no operation', (product, method, url) => {
    expect(v.match(product as any, method, url)).toBeUndefined();
  });

  it('returns path parameters and query', () => {
    const m = v.match('m365', 'GET', '/v3/Jobs/42/JobSessions?limit=5');
    expect(m?.params).toEqual({ id: '42' });
    expect(m?.query).toEqual({ limit: '5' });
  });
});
