// Specs are bundled per product on first use: a broken enterprise-manager spec (in a temp copy of the
// fixture repo) must not stop m365 validation or the m365 mock, and must itself fail with a SpecError
// naming the broken file and line:column.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, SpecError, type ResponseInput, type Validator } from '../../src/index.js';
import { startMockServer } from '../../src/mock/index.js';
import { FIXTURE_ROOT, fixture } from './helpers.js';

const PLUGIN = fileURLToPath(new URL('../../../../tools/redocly-plugin/veeam.cjs', import.meta.url));

let root: string;
let emFile: string;
let emGood: string;
let v: Validator;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veeam-lazy-'));
  cpSync(path.join(FIXTURE_ROOT, 'specs'), path.join(root, 'specs'), { recursive: true });
  // Same registry as the fixture, with the plugin path made absolute for the temp location.
  writeFileSync(path.join(root, 'redocly.yaml'), fixture('redocly.yaml').replace(/^ {2}- .*veeam\.cjs$/m, `  - ${PLUGIN}`));
  emFile = path.join(root, 'specs/enterprise-manager/openapi.yaml');
  emGood = readFileSync(emFile, 'utf8');
  // Break EM: a path item whose $ref points at a file that does not exist (line 7 of the spec).
  writeFileSync(emFile, emGood.replace(/^paths:\n/m, 'paths:\n  /broken:\n    $ref: ./paths/missing.yaml\n'));
  v = await createValidator({ rootDir: root });
});

afterAll(async () => {
  await v?.close();
  rmSync(root, { recursive: true, force: true });
});

const m365: ResponseInput = {
  product: 'm365', method: 'GET', url: '/v3/Jobs/1/JobSessions', status: 200, contentType: 'application/json',
  body: fixture('specs/m365/examples/listJobSessionsForJob/200.json'),
};
const em: ResponseInput = {
  product: 'enterprise-manager', method: 'GET', url: '/api/backupSessions/1?format=Entity', status: 200, contentType: 'application/json',
  body: fixture('specs/enterprise-manager/examples/getBackupSession/200-entity.json'),
};

describe('lazy spec loading', () => {
  it('validates m365 although the enterprise-manager spec is broken', async () => {
    expect(await v.validate(m365)).toMatchObject({ ok: true, outcome: 'valid', operationId: 'listJobSessionsForJob' });
    // And m365 bodies are still checked, not waved through.
    const bad = await v.validate({ ...m365, body: '[{"id": 1}]' });
    expect(bad.outcome).toBe('invalid');
  });

  it('fails the broken product with a SpecError naming its file and line:column', async () => {
    const err = await v.validate(em).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    const e = err as SpecError;
    expect(e.file).toBe(emFile);
    expect(e.position).toMatch(/^8:\d+/);
    expect(e.message).toContain('missing.yaml');
    // A batch that mixes products fails on the broken one as well (no silent pass for its items).
    await expect(v.validateMany([m365, em])).rejects.toBeInstanceOf(SpecError);
    expect(() => v.indexes).toThrow(/loadAll/);
    await expect(v.loadAll()).rejects.toBeInstanceOf(SpecError);
  });

  it('serves the m365 mock; the enterprise-manager mock refuses to start with the same SpecError', async () => {
    const mock = await startMockServer({ product: 'm365', rootDir: root });
    try {
      const res = await fetch(`${mock.url}/Jobs/1/JobSessions`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(200);
      // It serves the spec's example, which the validator accepts for that operation.
      expect(await v.validate({ ...m365, body: await res.text() })).toMatchObject({ ok: true, operationId: 'listJobSessionsForJob' });
    } finally {
      await mock.close();
    }
    await expect(startMockServer({ product: 'enterprise-manager', rootDir: root })).rejects.toMatchObject({ name: 'SpecError', file: emFile });
  });

  it('bundles the product again on the next call once its spec is fixed', async () => {
    writeFileSync(emFile, emGood);
    expect(await v.validate(em)).toMatchObject({ ok: true, operationId: 'getBackupSession' });
  });
});
