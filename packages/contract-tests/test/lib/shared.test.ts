// validateResponse() with the shared validator over this repository's real specs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedValidator, validateResponse } from '../../src/index.js';

afterAll(closeSharedValidator);
const seed = (rel: string) => readFileSync(fileURLToPath(new URL(`../../../../specs/enterprise-manager/examples/${rel}`, import.meta.url)), 'utf8');

describe('validateResponse (repo specs)', () => {
  it('validates the EM seed entity with ?format=Entity and rejects it as the reference representation', async () => {
    const body = seed('getBackupSession/200-entity.xml');
    const url = 'https://srv12.tech.local:9398/api/backupSessions/19b6f0f8-777f-4aed-bc76-4584d7867e45';
    expect(await validateResponse({ product: 'enterprise-manager', method: 'GET', url: `${url}?format=Entity`, status: 200, contentType: 'application/xml', body }))
      .toMatchObject({ ok: true, operationId: 'getBackupSession', schema: 'BackupJobSession' });
    const asRef = await validateResponse({ product: 'enterprise-manager', method: 'GET', url, status: 200, contentType: 'application/xml', body });
    expect(asRef).toMatchObject({ ok: false, outcome: 'invalid', schema: 'EntityRef' });
  });
});
