// Issue 10 ("wire truth"): genuine EM responses (the corpus in packages/contract-tests/recordings)
// go through the typed client, and links written the way Veeam's docs and servers write them resolve.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeXml } from '@veeam-rest/client-core';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { operationTable, VeeamLinkError } from '../src/index.js';
import { xmlMapping } from '../src/generated/xml.gen.js';
import { emClient, startEm } from './support.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../contract-tests/recordings/enterprise-manager');

interface Recording { name: string; method: string; url: URL; body: string }

/** Every genuine EM body of the corpus with its sidecar's request. */
function corpus(): Recording[] {
  const out: Recording[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    for (const file of readdirSync(path.join(CORPUS, dir)).sort()) {
      if (!file.endsWith('.xml')) continue;
      const meta = JSON.parse(readFileSync(path.join(CORPUS, dir, `${file}.meta.json`), 'utf8')) as { method: string; url: string };
      out.push({ name: `${dir}/${file}`, method: meta.method, url: new URL(meta.url), body: readFileSync(path.join(CORPUS, dir, file), 'utf8') });
    }
  }
  return out;
}

describe('enterprise-manager: genuine responses through the typed client', () => {
  let mock: MockServer;
  let current: Recording | undefined;
  beforeAll(async () => {
    // The hook answers each call with the genuine body under test; logon stays with the mock.
    mock = await startEm({
      hook: (req, res) => {
        if (!current || !req.headers['x-restsvcsessionid']) return false;
        res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' }).end(current.body);
        return true;
      },
    });
  });
  afterAll(() => mock?.close());

  const all = corpus();
  it('has the corpus (40+ genuine EM bodies)', () => expect(all.length).toBeGreaterThanOrEqual(40));

  it.each(all.filter((r) => r.method === 'GET').map((r) => [r.name, r] as const))('GET %s: follow() reaches its operation and decodes the XML', async (_name, rec) => {
    // The recorded request URL, moved onto the mock (its path after /api and its query).
    const href = `${mock.url}${rec.url.pathname.replace(/^\/api/i, '')}${rec.url.search}`;
    current = rec;
    try {
      const result = await emClient(mock, { format: 'xml' }).follow({ Rel: 'Alternate', Href: href, Type: null, Name: null });
      expect(result.error).toBeUndefined();
      expect(result.data).toMatchObject({});
      expect(rec.name.startsWith(`${result.operationId}/`), `${rec.name} resolved to ${result.operationId}`).toBe(true);
    } finally {
      current = undefined;
    }
  });

  it.each(all.filter((r) => r.method === 'POST').map((r) => [r.name, r] as const))('POST %s decodes with the mapping of its operation', (name, rec) => {
    const opId = name.split('/')[0] as keyof typeof operationTable;
    expect(operationTable[opId].method.toUpperCase()).toBe('POST');
    const value = decodeXml(rec.body, xmlMapping, []) as { Links: { Type: string | null }[] };
    expect(value.Links.length).toBeGreaterThan(0);
  });

  it('keeps link types outside the known list (open set), e.g. the service links of a logon session', () => {
    const rec = all.find((r) => r.name === 'createLogonSession/201.xml')!;
    const session = decodeXml(rec.body, xmlMapping, ['LogonSession']) as { Links: { Rel: string; Type: string | null }[] };
    expect(session.Links.map((l) => l.Type)).toEqual(expect.arrayContaining(['QueryService', 'LookupService', 'NasService', 'AgentsService', 'VSphereSelfService']));
  });
});

describe('enterprise-manager: paths match case-insensitively (x-veeam-case-insensitive-paths)', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startEm();
  });
  afterAll(() => mock?.close());

  it('follows the lower-case and capitalized paths the help center writes', async () => {
    const em = emClient(mock);
    const id = '5496707f-c814-47ce-8d6d-110aa03cec03';
    // "Resource URL: https://<Enterprise-Manager>:9398/api/logonsessions/{ID}" (loginsessions_id.html).
    const session = await em.follow({ Rel: 'Alternate', Href: `${mock.url}/logonsessions/${id}`, Type: null, Name: null });
    expect(session.operationId).toBe('getLogonSession');
    expect(session.error).toBeUndefined();
    // "/nas/jobs/{ID}/Start" (get_nas_jobs_id.html, links table).
    const start = await em.follow({ Rel: 'Start', Href: `${mock.url}/nas/jobs/${id}/Start`, Type: null, Name: null });
    expect(start.operationId).toBe('startNasJob');
  });

  it('a documented but undescribed link is a clear VeeamLinkError, not a guess', async () => {
    const em = emClient(mock);
    const failure = await em.follow({ Rel: 'Down', Href: `${mock.url}/managedServers`, Type: 'ManagedServerReferenceList', Name: null }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamLinkError);
    expect((failure as Error).message).toContain('no GET operation in the enterprise-manager spec matches the path /managedServers');
  });
});
