import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type ContractValidator, type ResponseInput, type Validator } from '../../src/index.js';
import { FIXTURE_ROOT, fixture } from './helpers.js';

let v: ContractValidator;
beforeAll(async () => { v = await createValidator({ rootDir: FIXTURE_ROOT }); await (v as Validator).loadAll(); });
afterAll(async () => { await v.close(); });

const entityJson = fixture('specs/enterprise-manager/examples/getBackupSession/200-entity.json');
const em = (over: Partial<ResponseInput>): ResponseInput => ({
  product: 'enterprise-manager', method: 'GET', url: 'https://em.example.com:9398/api/backupSessions/1?format=Entity',
  status: 200, contentType: 'application/json; charset=utf-8', body: entityJson, ...over,
});

describe('JSON validation', () => {
  it('accepts the example and names operation and representation', async () => {
    const r = await v.validate(em({}));
    expect(r).toMatchObject({ ok: true, outcome: 'valid', operationId: 'getBackupSession', schema: 'BackupJobSession' });
  });

  it('strips one UTF-8 BOM (EM) but rejects non-UTF-8 bytes with a position', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(entityJson)]);
    expect((await v.validate(em({ body: bom }))).outcome).toBe('valid');
    const latin1 = Buffer.from('{"message":"caf\xe9"}', 'latin1');
    const r = await v.validate(em({ url: '/api/backupSessions/1', status: 404, body: latin1 }));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]).toMatchObject({ path: '1:16', expected: 'UTF-8 text' });
  });

  it.each([
    ['enum changed', (o: any) => { o.State = 'Stoped'; }, '/State', 'value is not one of the allowed values'],
    ['required removed', (o: any) => { delete o.Progress; }, '/Progress', 'required property "Progress" is missing'],
    ['type flipped', (o: any) => { o.Progress = '100'; }, '/Progress', 'must be integer'],
    ['extra property on a closed object', (o: any) => { o.Links[0].Name = 'x'; }, '/Links/0/Name', 'property "Name" is not allowed (closed object)'],
    ['null where not nullable', (o: any) => { o.JobType = null; }, '/JobType', 'must be string'],
  ])('rejects a mutant: %s', async (_name, mutate, path, message) => {
    const o = JSON.parse(entityJson);
    mutate(o);
    const r = await v.validate(em({ body: JSON.stringify(o) }));
    expect(r.ok).toBe(false);
    expect(r.outcome).toBe('invalid');
    expect(r.errors).toContainEqual(expect.objectContaining({ path, message }));
  });

  it('reports the enum values expected and the actual value', async () => {
    const r = await v.validate(em({ body: entityJson.replace('"Stopped"', '"Stoped"') }));
    expect(r.errors[0]).toEqual({ kind: 'enum', additive: true, path: '/State', message: 'value is not one of the allowed values', expected: '"Working" | "Stopped"', actual: '"Stoped"' });
  });

  it('uses the default representation without the query selector', async () => {
    const r = await v.validate(em({ url: '/api/backupSessions/1' }));
    expect(r).toMatchObject({ ok: false, outcome: 'invalid', schema: 'EntityRef' });
    const ref = await v.validate(em({ url: '/api/backupSessions/1', body: '{"Type":"BackupJobSessionReference","Href":"h"}' }));
    expect(ref).toMatchObject({ ok: true, schema: 'EntityRef' });
  });

  it('gives line:column for unparsable JSON and for an empty body', async () => {
    const r = await v.validate(em({ body: '{\n  "Type": "x",\n  oops\n}' }));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]!.path).toBe('3:3');
    expect((await v.validate(em({ body: '' }))).errors[0]).toMatchObject({ path: '1:1', message: 'body is empty' });
  });

  it('handles problem+json and status ranges (azure 4XX)', async () => {
    const base = { product: 'azure' as const, method: 'GET', url: 'https://az.example.com/api/v2/jobSessions?Offset=0', status: 401 };
    expect((await v.validate({ ...base, contentType: 'application/problem+json', body: '{"title":"Unauthorized","status":401}' })).outcome).toBe('valid');
    const bad = await v.validate({ ...base, contentType: 'application/problem+json', body: '{"title":"Unauthorized"}' });
    expect(bad.errors).toContainEqual(expect.objectContaining({ path: '/status' }));
  });
});

describe('outcomes that are never a pass', () => {
  it('unknown operation', async () => {
    const r = await v.validate(em({ url: '/api/nothingHere' }));
    expect(r).toMatchObject({ ok: false, outcome: 'unknown-operation' });
    expect(r.errors[0]!.message).toContain('GET /api/nothingHere');
    expect((await v.validate(em({ method: 'DELETE' }))).outcome).toBe('unknown-operation');
  });

  it('unknown status lists the documented ones', async () => {
    const r = await v.validate(em({ status: 500 }));
    expect(r).toMatchObject({ ok: false, outcome: 'unknown-status', operationId: 'getBackupSession' });
    expect(r.errors[0]!.expected).toBe('200 | 404');
  });

  it('unknown media type', async () => {
    const r = await v.validate(em({ contentType: 'text/html' }));
    expect(r).toMatchObject({ ok: false, outcome: 'unknown-media-type' });
    expect(r.errors[0]!.expected).toBe('application/xml | application/json');
  });

  it('a body where the spec documents none', async () => {
    const base = { product: 'enterprise-manager' as const, method: 'POST', url: '/api/backupSessions/1/stop', status: 204 };
    expect((await v.validate({ ...base, body: '' })).outcome).toBe('valid');
    expect((await v.validate({ ...base, contentType: 'application/json', body: '{}' })).outcome).toBe('unknown-media-type');
  });

  it('an unknown product', async () => {
    const r = await v.validate(em({ product: 'vbr' as any }));
    expect(r).toMatchObject({ ok: false, outcome: 'unknown-operation' });
  });
});

describe('operations()', () => {
  it('lists operations with statuses and media types', () => {
    const ops = v.operations('enterprise-manager');
    expect(ops.find((o) => o.operationId === 'getBackupSession')).toEqual({
      operationId: 'getBackupSession', method: 'GET', path: '/backupSessions/{ID}',
      responses: { '200': ['application/xml', 'application/json'], '404': ['application/json'] },
    });
  });
});
