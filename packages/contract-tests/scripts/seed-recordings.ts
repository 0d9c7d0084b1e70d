/**
 * Writes the bundled seed recordings: spec example files copied byte for byte into
 * recordings/<product>/<operationId>/, each with its sidecar. The manifest below is the single list;
 * test/recordings.test.ts fails when a copy drifts from its spec example.
 * Run: node --import tsx scripts/seed-recordings.ts
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSidecar, type Sidecar } from '../src/recordings/sidecar.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(pkg, '..', '..');

/** One bundled recording: where it goes, what it was (request + response), which spec example it copies. */
export interface SeedRecording {
  /** `recordings/`-relative target, `<product>/<operationId>/<status>[-variant].<ext>`. */
  target: string;
  /** Repo-relative spec example file the body is copied from. */
  example: string;
  meta: Omit<Sidecar, 'source'>;
}

const XML = 'application/xml; charset=utf-8';
const JSON_ = 'application/json; charset=utf-8';
const em = 'specs/enterprise-manager/examples';
const session = 'd46e39e0-1131-4585-91a7-e828ce7eafae';

export const SEED_RECORDINGS: SeedRecording[] = [
  // Seed page 000: GET /nas/jobs/{ID}/backupSessions (the job id is the one its links name).
  { target: 'enterprise-manager/listNasJobBackupSessions/200.xml', example: `${em}/listNasJobBackupSessions/200.xml`, meta: { method: 'GET', url: 'https://srv12.tech.local:9398/api/nas/jobs/d6b01759-40f0-43ee-940e-496bdd13973c/backupSessions', status: 200, contentType: XML, origin: 'seed' } },
  { target: 'enterprise-manager/listNasJobBackupSessions/200.json', example: `${em}/listNasJobBackupSessions/200.json`, meta: { method: 'GET', url: 'https://srv12.tech.local:9398/api/nas/jobs/d6b01759-40f0-43ee-940e-496bdd13973c/backupSessions', status: 200, contentType: JSON_, origin: 'constructed' } },
  // Seed page 001: GET /agents/backupSessions.
  { target: 'enterprise-manager/listAgentBackupSessions/200.xml', example: `${em}/listAgentBackupSessions/200.xml`, meta: { method: 'GET', url: 'http://w10x64v1709.local:9399/api/agents/backupSessions', status: 200, contentType: XML, origin: 'seed' } },
  { target: 'enterprise-manager/listAgentBackupSessions/200.json', example: `${em}/listAgentBackupSessions/200.json`, meta: { method: 'GET', url: 'http://w10x64v1709.local:9399/api/agents/backupSessions', status: 200, contentType: JSON_, origin: 'constructed' } },
  // Seed page 002: both representations of /backupSessions/{ID}.
  { target: 'enterprise-manager/getBackupSession/200.xml', example: `${em}/getBackupSession/200.xml`, meta: { method: 'GET', url: `http://localhost:9399/api/backupSessions/${session}`, status: 200, contentType: XML, origin: 'seed' } },
  { target: 'enterprise-manager/getBackupSession/200-entity.xml', example: `${em}/getBackupSession/200-entity.xml`, meta: { method: 'GET', url: `http://localhost:9399/api/backupSessions/${session}?format=Entity`, status: 200, contentType: XML, origin: 'seed' } },
  { target: 'enterprise-manager/getBackupSession/200.json', example: `${em}/getBackupSession/200.json`, meta: { method: 'GET', url: `http://localhost:9399/api/backupSessions/${session}`, status: 200, contentType: JSON_, origin: 'constructed' } },
  { target: 'enterprise-manager/getBackupSession/200-entity.json', example: `${em}/getBackupSession/200-entity.json`, meta: { method: 'GET', url: `http://localhost:9399/api/backupSessions/${session}?format=Entity`, status: 200, contentType: JSON_, origin: 'constructed' } },
  // Error responses (constructed in the spec from the documented error format).
  { target: 'enterprise-manager/getBackupSession/401-no-session.xml', example: `${em}/_shared/401-no-session.xml`, meta: { method: 'GET', url: `http://localhost:9399/api/backupSessions/${session}`, status: 401, contentType: XML, origin: 'constructed' } },
  { target: 'enterprise-manager/getBackupSession/401-no-session.json', example: `${em}/_shared/401-no-session.json`, meta: { method: 'GET', url: `http://localhost:9399/api/backupSessions/${session}`, status: 401, contentType: JSON_, origin: 'constructed' } },
  { target: 'enterprise-manager/getBackupSession/404.xml', example: `${em}/_shared/404.xml`, meta: { method: 'GET', url: 'http://localhost:9399/api/backupSessions/00000000-0000-0000-0000-000000000000', status: 404, contentType: XML, origin: 'constructed' } },
  // Seed page 003: GET /v3/Jobs/{id}/JobSessions (the array without the page's "...]" elision).
  { target: 'm365/listJobSessionsForJob/200.json', example: 'specs/m365/examples/listJobSessionsForJob/200.json', meta: { method: 'GET', url: 'https://support.east.local:4443/v3/Jobs/00b96531-1a68-4c90-a398-91141ffedb3b/JobSessions', status: 200, contentType: JSON_, origin: 'seed' } },
  { target: 'm365/listJobSessionsForJob/401.json', example: 'specs/m365/examples/_shared/401.json', meta: { method: 'GET', url: 'https://support.east.local:4443/v3/Jobs/00b96531-1a68-4c90-a398-91141ffedb3b/JobSessions', status: 401, contentType: JSON_, origin: 'constructed' } },
  // Seed page 004 documents no body: the spec's constructed page and error stand in.
  { target: 'azure/listJobSessions/200.json', example: 'specs/azure/examples/listJobSessions/200.json', meta: { method: 'GET', url: 'https://example.com/api/v2/jobSessions?Offset=0&Limit=30', status: 200, contentType: JSON_, origin: 'constructed' } },
  { target: 'azure/listJobSessions/401.json', example: 'specs/azure/examples/_shared/401.json', meta: { method: 'GET', url: 'https://example.com/api/v2/jobSessions', status: 401, contentType: 'application/problem+json; charset=utf-8', origin: 'constructed' } },
];

function main(): void {
  for (const r of SEED_RECORDINGS) {
    const target = path.join(pkg, 'recordings', r.target);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(repo, r.example), target);
    writeFileSync(`${target}.meta.json`, formatSidecar({ ...r.meta, source: r.example }));
  }
  process.stdout.write(`wrote ${SEED_RECORDINGS.length} recordings\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
