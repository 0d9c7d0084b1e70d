// Several API versions side by side (test/fixtures/versions: EM at /api, VB365 at /v3 and /v8, VB for
// Azure at /api/v2 and /api/v8.1 with the unversioned /api/oauth2/token in both): the validator, `check`,
// `validate` and the mock pick the API from the URL (and a recording's folder), `--product` narrows
// and `--api` names one.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, SpecError, type ResponseInput } from '../src/index.js';
import { startMockServer } from '../src/mock/index.js';
import type { Validator } from '../src/validate.js';
import { runCli, tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('./fixtures/versions', import.meta.url));
const bodies = {
  v3: JSON.stringify([{ id: 'j1', name: 'Daily' }]),
  v8: JSON.stringify({ offset: 0, limit: 30, results: [{ id: 'j1', name: 'Daily', description: '' }] }),
  tokenV2: JSON.stringify({ access_token: 'a', token_type: 'bearer' }),
  tokenV81: JSON.stringify({ access_token: 'a', token_type: 'bearer', refresh_token: 'r' }),
  sessions: (v: string) => JSON.stringify({ results: ['s1'], apiVersion: v }),
};
const json = 'application/json; charset=utf-8';

let v: Validator;
const tmp = tempDir('versions');
beforeAll(async () => {
  v = await createValidator({ rootDir: ROOT });
});
afterAll(async () => {
  await v?.close();
  tmp.cleanup();
});

describe('the validator picks the API from the URL', () => {
  // [input without body, body, api, outcome]
  it.each<[Omit<ResponseInput, 'status' | 'body' | 'contentType'>, string, string | undefined, string]>([
    [{ method: 'GET', url: 'https://vb365:4443/v3/Jobs' }, bodies.v3, 'm365@v3', 'valid'],
    [{ method: 'GET', url: '/V8/Jobs' }, bodies.v8, 'm365@v8', 'valid'],
    // The same body against the other version is invalid: the choice matters.
    [{ method: 'GET', url: '/v8/Jobs' }, bodies.v3, 'm365@v8', 'invalid'],
    [{ method: 'GET', url: '/v3/Jobs' }, bodies.v8, 'm365@v3', 'invalid'],
    [{ method: 'GET', url: 'https://vba/api/v2/jobSessions' }, bodies.sessions('v2'), 'azure@v2', 'valid'],
    [{ method: 'GET', url: 'https://vba/api/v8.1/jobSessions' }, bodies.sessions('v8.1'), 'azure@v8.1', 'valid'],
    [{ method: 'GET', url: 'https://vba/api/v8.1/jobSessions' }, bodies.sessions('v2'), 'azure@v8.1', 'invalid'],
    [{ method: 'GET', url: 'https://em:9398/api/backupServers' }, JSON.stringify({ Refs: ['a'] }), 'enterprise-manager@v1', 'valid'],
    // Unversioned token endpoint: Azure's, not EM's /api; the newest version unless one is named.
    [{ method: 'POST', url: 'https://vba/api/oauth2/token' }, bodies.tokenV81, 'azure@v8.1', 'valid'],
    [{ method: 'POST', url: 'https://vba/api/oauth2/token', product: 'azure' }, bodies.tokenV81, 'azure@v8.1', 'valid'],
    [{ method: 'POST', url: 'https://vba/api/oauth2/token', api: 'azure@v2' }, bodies.tokenV2, 'azure@v2', 'valid'],
    [{ method: 'POST', url: 'https://vba/api/oauth2/token', api: 'azure@v2' }, bodies.tokenV81, 'azure@v2', 'invalid'],
    // --api wins over the URL: a v8 URL checked as v3 matches no v3 operation.
    [{ method: 'GET', url: '/v8/Jobs', api: 'm365@v3' }, bodies.v8, 'm365@v3', 'unknown-operation'],
    [{ method: 'GET', url: '/v9/Jobs' }, bodies.v8, undefined, 'unknown-operation'],
    [{ method: 'GET', url: '/api/v2/jobSessions', product: 'm365' }, bodies.sessions('v2'), undefined, 'unknown-operation'],
  ])('%j', async (input, body, api, outcome) => {
    const r = await v.validate({ ...input, status: 200, contentType: json, body });
    expect({ api: r.api, outcome: r.outcome }).toEqual({ api, outcome });
  });

  it('names the base paths when no API serves a URL', async () => {
    const r = await v.validate({ method: 'GET', url: '/v9/Jobs', product: 'm365', status: 200, contentType: json, body: '[]' });
    expect(r.errors[0]).toEqual({ kind: 'unknown-operation', path: '/', message: 'no m365 API serves GET /v9/Jobs', expected: 'a URL under one of: /v3 m365@v3, /v8 m365@v8', actual: '/v9/Jobs' });
    const unknown = await v.validate({ method: 'GET', url: '/v3/Jobs', api: 'm365@v9', status: 200, contentType: json, body: '[]' });
    expect(unknown.errors[0]!.message).toMatch(/^API "m365@v9" is not in the specs \(.*redocly\.yaml\)$/);
  });

  it('lists the APIs by product in file order, each product\'s versions oldest first', () => {
    expect(v.apis.map((a) => a.alias)).toEqual(['enterprise-manager@v1', 'm365@v3', 'm365@v8', 'azure@v2', 'azure@v8.1']);
    expect(() => v.resolve('m365')).toThrow('m365 has 2 API versions (m365@v3, m365@v8): name one by alias');
    expect(v.resolve('enterprise-manager')).toBe('enterprise-manager@v1');
  });
});

describe('the repository\'s specs: the URL\'s version segment picks the API (spec examples as bodies)', () => {
  const REPO = fileURLToPath(new URL('../../..', import.meta.url));
  /** The 200 example of an operation in a spec folder of the repository. */
  const example = (specDir: string, operationId: string) => readFileSync(path.join(REPO, 'specs', specDir, 'examples', operationId, '200.json'), 'utf8');
  let real: Validator;
  beforeAll(async () => {
    real = await createValidator({ rootDir: REPO });
  });
  afterAll(async () => {
    await real?.close();
  });

  // [method, url, body, api, operationId, outcome]
  it.each<[string, string, () => string, string, string, string]>([
    ['GET', 'https://vb365.example.com:4443/v8/JobSessions?offset=0&limit=30', () => example('m365/v8', 'listJobSessions'), 'm365@v8', 'listJobSessions', 'valid'],
    ['GET', 'https://vb365.example.com:4443/v8/JobSessions/fcb1c775-edbb-4beb-830f-fb051ef9ab1b/LogItems', () => example('m365/v8', 'listJobSessionLogItems'), 'm365@v8', 'listJobSessionLogItems', 'valid'],
    ['GET', 'https://vb365.example.com:4443/v3/JobSessions', () => example('m365/v3', 'listJobSessions'), 'm365@v3', 'listJobSessions', 'valid'],
    // The v8 page at the v3 URL is checked against v3, which does not describe it: the segment decides.
    ['GET', 'https://vb365.example.com:4443/v3/JobSessions', () => example('m365/v8', 'listJobSessions'), 'm365@v3', 'listJobSessions', 'invalid'],
    ['GET', 'https://vba.example.com/api/v8.1/jobSessions?Offset=0&Limit=8', () => example('azure/v8.1', 'listJobSessions'), 'azure@v8.1', 'listJobSessions', 'valid'],
    ['GET', 'https://vba.example.com/api/v8.1/jobSessions/5a3f2c1e-7b9d-4e2a-8c6f-1d0e9b8a7c65/log', () => example('azure/v8.1', 'getJobSessionLog'), 'azure@v8.1', 'getJobSessionLog', 'valid'],
    ['GET', 'https://vba.example.com/api/v2/jobSessions', () => example('azure/v2', 'listJobSessions'), 'azure@v2', 'listJobSessions', 'valid'],
    // v8.1-only paths are not in v2.
    ['GET', 'https://vba.example.com/api/v2/system/about', () => example('azure/v8.1', 'getSystemAbout'), 'azure@v2', '', 'unknown-operation'],
    ['GET', 'https://vba.example.com/api/v8.1/system/about', () => example('azure/v8.1', 'getSystemAbout'), 'azure@v8.1', 'getSystemAbout', 'valid'],
    // The unversioned token endpoint is the newest Azure version's.
    ['POST', 'https://vba.example.com/api/oauth2/token', () => example('azure/v8.1', 'createToken'), 'azure@v8.1', 'createToken', 'valid'],
  ])('%s %s', async (method, url, body, api, operationId, outcome) => {
    const r = await real.validate({ method, url, status: 200, contentType: json, body: body() });
    expect({ api: r.api, operationId: r.operationId ?? '', outcome: r.outcome }).toEqual({ api, operationId, outcome });
  });
});

describe('lazy per API', () => {
  it('a broken version does not stop its sibling; using it reports file:line:col', async () => {
    const root = path.join(tmp.dir, 'broken');
    cpSync(ROOT, root, { recursive: true });
    const file = path.join(root, 'specs', 'm365', 'v8', 'openapi.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      operationId: listJobs', '      operationId: [listJobs'));
    const broken = await createValidator({ rootDir: root });
    try {
      expect((await broken.validate({ method: 'GET', url: '/v3/Jobs', status: 200, contentType: json, body: bodies.v3 })).outcome).toBe('valid');
      const err = await broken.validate({ method: 'GET', url: '/v8/Jobs', status: 200, contentType: json, body: bodies.v8 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpecError);
      expect((err as SpecError).file).toBe(file);
      expect((err as SpecError).message).toMatch(/^specs\/m365\/v8\/openapi\.yaml:\d+:\d+: /);
    } finally {
      await broken.close();
    }
  });
});

describe('CLI', () => {
  /** A recording: body + sidecar under `dir/rel`. */
  function record(rel: string, url: string, body: string, method = 'GET'): void {
    const file = path.join(tmp.dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
    writeFileSync(`${file}.meta.json`, JSON.stringify({ method, url, status: 200, contentType: json, origin: 'recorded' }));
  }

  it('validate picks the API from --request, --api names one', async () => {
    const file = path.join(tmp.dir, 'v8.json');
    writeFileSync(file, bodies.v8);
    const ok = await runCli(['validate', '--root', ROOT, '--request', 'GET https://vb365:4443/v8/Jobs', '--status', '200', '--content-type', json, file]);
    expect(ok.stdout).toBe('valid: m365@v8 listJobs\n');
    expect(ok.code).toBe(0);
    const named = await runCli(['validate', '--root', ROOT, '--api', 'm365@v3', '--request', 'GET /v8/Jobs', '--status', '200', file]);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('[unknown-operation]');
    const unknown = await runCli(['validate', '--root', ROOT, '--api', 'm365@v9', '--request', 'GET /v8/Jobs', '--status', '200', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('veeam-contract: validate: --api must be one of enterprise-manager@v1, m365@v3, m365@v8, azure@v2, azure@v8.1, got "m365@v9"\n');
  });

  it('check: a <product>/<version>/ folder names the API, a <product>/ folder leaves it to the URL, an unknown version is a failure', async () => {
    record('recs/m365/v8/listJobs/200.json', 'https://vb365:4443/v8/Jobs', bodies.v8);
    record('recs/m365/listJobs/200.json', 'https://vb365:4443/v3/Jobs', bodies.v3);
    record('recs/azure/createToken/200.json', 'https://vba/api/oauth2/token', bodies.tokenV81, 'POST');
    record('recs/m365/v9/listJobs/200.json', 'https://vb365:4443/v9/Jobs', bodies.v8);
    // Filed under v3 although recorded at /v8: the folder wins, so no v3 operation matches.
    record('recs/m365/v3/listJobs/200-misfiled.json', 'https://vb365:4443/v8/Jobs', bodies.v8);
    const r = await runCli(['check', path.join(tmp.dir, 'recs'), '--root', ROOT, '--format', 'json'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { source: string; api?: string; outcome: string; errors: { message: string }[] }[]; coverage: { api: string; covered: string[] }[] };
    expect(doc.results.map((e) => [e.source, e.api, e.outcome])).toEqual([
      ['recs/azure/createToken/200.json', 'azure@v8.1', 'valid'],
      ['recs/m365/listJobs/200.json', 'm365@v3', 'valid'],
      ['recs/m365/v3/listJobs/200-misfiled.json', 'm365@v3', 'unknown-operation'],
      ['recs/m365/v8/listJobs/200.json', 'm365@v8', 'valid'],
      ['recs/m365/v9/listJobs/200.json', undefined, 'no-body'],
    ]);
    expect(doc.results[4]!.errors[0]!.message).toBe('filed under m365/v9/, but the specs have no API m365@v9 (have: m365@v3, m365@v8)');
    expect(doc.coverage.map((c) => [c.api, c.covered])).toEqual([
      ['m365@v3', ['listJobs']],
      ['m365@v8', ['listJobs']],
      ['azure@v8.1', ['createToken']],
    ]);
  });

  it('check --api keeps that API\'s recordings, --product every version of it', async () => {
    const onlyV8 = await runCli(['check', path.join(tmp.dir, 'recs', 'm365'), '--root', ROOT, '--api', 'm365@v8', '--format', 'json'], { cwd: tmp.dir });
    const doc = JSON.parse(onlyV8.stdout) as { results: { source: string; api: string }[]; skipped: { source: string; reason: string }[]; coverage: { api: string }[] };
    expect(doc.results.map((e) => e.source).sort()).toEqual(['recs/m365/listJobs/200.json', 'recs/m365/v8/listJobs/200.json']);
    // A <product>/ recording is checked as --api says: its /v3 URL matches no v8 operation.
    expect(doc.results.find((e) => e.source === 'recs/m365/listJobs/200.json')!.api).toBe('m365@v8');
    expect(doc.skipped.map((s) => [s.source, s.reason])).toEqual([
      ['recs/m365/v3/listJobs/200-misfiled.json', 'recorded for m365@v3, not --api m365@v8'],
      ['recs/m365/v9/listJobs/200.json', 'recorded for m365@v9, not --api m365@v8'],
    ]);
    expect(doc.coverage.map((c) => c.api)).toEqual(['m365@v8']);
    const product = await runCli(['check', path.join(tmp.dir, 'recs'), '--root', ROOT, '--product', 'm365', '--format', 'json'], { cwd: tmp.dir });
    const all = JSON.parse(product.stdout) as { coverage: { api: string }[]; skipped: { reason: string }[] };
    expect(all.coverage.map((c) => c.api)).toEqual(['m365@v3', 'm365@v8']);
    expect(all.skipped.map((s) => s.reason)).toEqual(['recorded for azure, not --product m365']);
  });

  it('check reads HAR entries of every version and skips other sites', async () => {
    const entry = (method: string, url: string, text: string) => ({ request: { method, url }, response: { status: 200, headers: [{ name: 'Content-Type', value: json }], content: { size: text.length, text } } });
    const file = path.join(tmp.dir, 'mixed.har');
    writeFileSync(file, JSON.stringify({ log: { entries: [entry('GET', 'https://vb365:4443/v3/Jobs', bodies.v3), entry('GET', 'https://vb365:4443/v8/Jobs', bodies.v8), entry('GET', 'https://cdn.example.com/x.js', 'x')] } }));
    const r = await runCli(['check', file, '--root', ROOT, '--format', 'json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { api: string; outcome: string }[]; skipped: unknown[] };
    expect(doc.results.map((e) => [e.api, e.outcome])).toEqual([['m365@v3', 'valid'], ['m365@v8', 'valid']]);
    expect(doc.skipped).toHaveLength(1);
  });
});

describe('mock', () => {
  it('serves every API of the specs at its base path; the token endpoint goes to the newest Azure version', async () => {
    const mock = await startMockServer({ rootDir: ROOT });
    try {
      expect(mock.urls).toEqual({
        'enterprise-manager@v1': `${mock.origin}/api`,
        'm365@v3': `${mock.origin}/v3`,
        'm365@v8': `${mock.origin}/v8`,
        'azure@v2': `${mock.origin}/api/v2`,
        'azure@v8.1': `${mock.origin}/api/v8.1`,
      });
      const get = async (p: string) => (await fetch(`${mock.origin}${p}`, { headers: { accept: 'application/json' } })).json();
      expect(await get('/v3/Jobs')).toEqual([{ id: 'j1', name: 'Daily' }]);
      expect(await get('/v8/Jobs')).toMatchObject({ limit: 30 });
      expect(await get('/api/v2/jobSessions')).toMatchObject({ apiVersion: 'v2' });
      expect(await get('/api/v8.1/jobSessions')).toMatchObject({ apiVersion: 'v8.1' });
      expect(await get('/api/backupServers')).toEqual({ Refs: ['srv1'] });
      const token = await fetch(`${mock.origin}/api/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=admin&password=password' });
      expect(token.status).toBe(200);
      expect(mock.requests.map((r) => r.api)).toEqual(['m365@v3', 'm365@v8', 'azure@v2', 'azure@v8.1', 'enterprise-manager@v1', 'azure@v8.1']);
    } finally {
      await mock.close();
    }
  });

  it('serves only the APIs asked for', async () => {
    const mock = await startMockServer({ rootDir: ROOT, product: 'm365' });
    try {
      expect(Object.keys(mock.urls)).toEqual(['m365@v3', 'm365@v8']);
      expect(mock.url).toBe(`${mock.origin}/v3`);
      expect((await fetch(`${mock.origin}/api/v2/jobSessions`)).status).toBe(404);
    } finally {
      await mock.close();
    }
    await expect(startMockServer({ rootDir: ROOT, product: 'm365', api: 'azure@v2' })).rejects.toThrow('mock: azure@v2 is not an API of m365');
    await expect(startMockServer({ rootDir: ROOT, api: 'm365@v9' })).rejects.toThrow('mock: no API "m365@v9" in the specs (have: enterprise-manager@v1, m365@v3, m365@v8, azure@v2, azure@v8.1)');
  });
});
