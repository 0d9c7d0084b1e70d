import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { operationTable, VeeamResponseError } from '../src/index.js';
import { emClient, examplePairs, startEm, type ExamplePair } from './support.js';

// The mock answers from the spec; for the pair test the hook serves one exact example file per call
// (by Accept) so every documented pair goes through the client, the logon flow staying real.
let current: ExamplePair | undefined;
function serveCurrent(req: IncomingMessage, res: ServerResponse): boolean {
  if (!current || !req.headers['x-restsvcsessionid']) return false; // logon stays with the mock
  const xml = /xml/.test(req.headers.accept ?? '');
  res.writeHead(current.status, { 'Content-Type': xml ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8' });
  res.end(xml ? current.xml : current.json);
  return true;
}

/** The call an example belongs to: its operation (errors: getBackupSession), path params, representation query. */
function callFor(pair: ExamplePair): { method: 'GET' | 'POST' | 'DELETE'; path: string; query: Record<string, string> } {
  const opId = pair.operationId === '_shared' ? 'getBackupSession' : pair.operationId;
  const op = operationTable[opId as keyof typeof operationTable];
  if (!op) throw new Error(`examples/${pair.operationId} names no operation of the spec`);
  const query: Record<string, string> = {};
  if (op.queryParams.includes('v' as never)) query.v = 'latest';
  if (op.queryParams.includes('action' as never)) query.action = 'stop';
  if (pair.variant && op.queryParams.includes('format' as never)) {
    // 200-entity -> format=Entity, 200-entities -> format=Entities; a case of it (200-entity-replica) too.
    const word = pair.variant.split('-')[0]!;
    query.format = word.charAt(0).toUpperCase() + word.slice(1);
  }
  return { method: op.method.toUpperCase() as 'GET', path: op.path, query };
}

describe('enterprise-manager: XML and JSON decode to deep-equal objects for every example pair', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startEm({ hook: serveCurrent });
  });
  afterAll(() => mock?.close());

  const pairs = examplePairs();
  it('finds the example pairs', () => expect(pairs.length).toBeGreaterThanOrEqual(30));

  it.each(pairs.map((p) => [`${p.operationId}/${p.status}${p.variant ? `-${p.variant}` : ''}`, p] as const))('%s', async (_name, pair) => {
    const { method, path, query } = callFor(pair);
    const params = { path: { ID: '8c6c6a3e-0000-4000-8000-000000000001' }, query };
    current = pair;
    try {
      const call = (format: 'json' | 'xml') => (emClient(mock)[method] as (p: string, i: unknown) => Promise<{ data?: unknown; error?: { body: unknown } }>)(path, { params, format });
      const [json, xml] = [await call('json'), await call('xml')];
      const fromJson = json.data ?? json.error?.body;
      const fromXml = xml.data ?? xml.error?.body;
      expect(fromJson).toEqual(JSON.parse(pair.json.replace(/^\uFEFF/, '')));
      expect(fromXml).toEqual(fromJson);
    } finally {
      current = undefined;
    }
  });

  it('the mock itself serves XML by Accept, decoded to the JSON object (reference and entity)', async () => {
    const em = emClient(mock, { format: 'xml' });
    for (const query of [{}, { format: 'Entity' as const }]) {
      const viaXml = await em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' }, query } });
      const viaJson = await em.GET('/backupSessions/{ID}', { params: { path: { ID: 'x' }, query }, format: 'json' });
      expect(viaXml.response.headers.get('content-type')).toMatch(/xml/);
      expect(viaXml.data).toBeDefined();
      expect(viaXml.data).toEqual(viaJson.data);
    }
  });
});

describe('enterprise-manager: hostile or unexpected bodies give typed errors', () => {
  let mock: MockServer;
  let body = '';
  let type = 'application/xml';
  beforeAll(async () => {
    mock = await startEm({
      hook: (req, res) => {
        if (!req.headers['x-restsvcsessionid']) return false;
        res.writeHead(200, { 'Content-Type': type }).end(body);
        return true;
      },
    });
  });
  afterAll(() => mock?.close());

  const get = () => emClient(mock, { format: 'xml' }).GET('/backupSessions/{ID}', { params: { path: { ID: 'x' } } });

  it.each([
    ['malformed XML', '<EntityRef xmlns="http://www.veeam.com/ent/v1.0"><Links></EntityRef>'],
    ['a DOCTYPE with an entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "boom">]><EntityRef xmlns="http://www.veeam.com/ent/v1.0">&x;</EntityRef>'],
    ['the wrong namespace', '<EntityRef xmlns="urn:not-veeam" Href="h" Type="t" Name="n" UID="u"/>'],
  ])('%s: VeeamResponseError undecodable-body naming the operation', async (_name, xml) => {
    body = xml;
    type = 'application/xml';
    const failure = await get().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamResponseError);
    expect(failure).toMatchObject({ code: 'undecodable-body', operationId: 'getBackupSession', status: 200 });
    expect((failure as Error).message).toMatch(/^getBackupSession: cannot decode the XML body of the 200 response: /);
  });

  it('JSON where XML was asked: unexpected-content-type', async () => {
    body = '{}';
    type = 'application/json';
    await expect(get()).rejects.toMatchObject({ code: 'unexpected-content-type', contentType: 'application/json' });
  });
});
