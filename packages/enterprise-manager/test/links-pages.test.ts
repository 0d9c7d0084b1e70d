import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { VeeamLinkError } from '../src/index.js';
import { EXAMPLES, emClient, startEm } from './support.js';

const ID = 'd46e39e0-1131-4585-91a7-e828ce7eafae';
const QUERY_JSON = JSON.parse(readFileSync(path.join(EXAMPLES, 'listQueryResults/200.json'), 'utf8'));
const QUERY_XML = readFileSync(path.join(EXAMPLES, 'listQueryResults/200.xml'), 'utf8');
const PAGES = 3;

/** Page N of a 3-page query result, built from the seed example: names prefixed with `pN `. */
function queryPage(n: number, xml: boolean): string {
  if (xml) return QUERY_XML.replace(/PageNum="\d+"/, `PageNum="${n}"`).replace(/PagesCount="\d+"/, `PagesCount="${PAGES}"`).replace(/<Ref ([^>]*?)Name="/g, `<Ref $1Name="p${n} `);
  const page = structuredClone(QUERY_JSON);
  page.PagingInfo = { ...page.PagingInfo, PageNum: n, PagesCount: PAGES };
  for (const ref of page.Refs.Refs) ref.Name = `p${n} ${ref.Name}`;
  return JSON.stringify(page);
}

describe('enterprise-manager: follow() and paginate() against the spec mock', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startEm({
      hook: (req, res) => {
        const url = new URL(req.url!, 'http://x');
        if (url.pathname !== '/api/query' || !req.headers['x-restsvcsessionid']) return false;
        const xml = /xml/.test(req.headers.accept ?? '');
        res.writeHead(200, { 'Content-Type': xml ? 'application/xml' : 'application/json' }).end(queryPage(Number(url.searchParams.get('page')), xml));
        return true;
      },
    });
  });
  afterAll(() => mock?.close());

  it('follows every link of a backup session entity to its specified operation', async () => {
    const em = emClient(mock);
    const { data } = await em.GET('/backupSessions/{ID}', { params: { path: { ID }, query: { format: 'Entity' } } });
    expect(data).toBeDefined();
    const links = data!.Links ?? [];
    expect(links.length).toBeGreaterThan(3);
    // Hrefs were rewritten to the mock origin; every Rel resolves and the typed result comes back.
    const reached = [];
    for (const link of links) {
      const result = await em.follow(link);
      expect(result.error, `${link.Rel} ${link.Href}`).toBeUndefined();
      reached.push(`${link.Rel} -> ${result.operationId}`);
    }
    expect(reached).toEqual([
      'Up -> getBackupServer',
      'Up -> getJob',
      'Alternate -> getBackupSession',
      'Down -> listBackupSessionTaskSessions',
      'Stop -> stopBackupSession',
      'Related -> getRestorePoint',
    ]);
    const stop = mock.requests.filter((r) => r.method === 'POST' && r.url.includes('action=stop'));
    expect(stop).toHaveLength(1);
  });

  it('follows a link two levels deep, and the typed result narrows by operationId (XML too)', async () => {
    const em = emClient(mock, { format: 'xml' });
    const { data: ref } = await em.GET('/backupSessions/{ID}', { params: { path: { ID } } });
    const alternate = ref!.Links!.find((l) => l.Rel === 'Alternate')!;
    const entity = await em.follow(alternate);
    expect(entity.operationId).toBe('getBackupSession');
    if (entity.operationId !== 'getBackupSession') throw new Error('unreachable');
    expect(entity.data).toMatchObject({ Type: 'BackupJobSession', State: 'Stopped' });
    const server = await em.follow((entity.data as { Links: { Rel: string; Href: string }[] }).Links.find((l) => l.Rel === 'Up')!);
    expect(server.operationId).toBe('getBackupServer');
  });

  it('a link outside the spec is a VeeamLinkError naming method and path', async () => {
    const em = emClient(mock);
    const failure = await em.follow({ Rel: 'Down', Href: `${mock.url}/backupSessions/${ID}/nonsense`, Type: null, Name: null }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VeeamLinkError);
    expect((failure as Error).message).toBe(
      `Cannot follow ${mock.url}/backupSessions/${ID}/nonsense (rel Down): no GET operation in the enterprise-manager spec matches the path /backupSessions/${ID}/nonsense.`,
    );
  });

  it('paginate(listQueryResults) walks page 1..PagesCount (JSON)', async () => {
    const em = emClient(mock);
    const names = [];
    for await (const ref of em.paginate('listQueryResults', { params: { query: { type: 'BackupJobSession', pageSize: 2 } } })) names.push(ref.Name);
    expect(names).toHaveLength(PAGES * 2);
    expect(names.map((n) => n?.slice(0, 2))).toEqual(['p1', 'p1', 'p2', 'p2', 'p3', 'p3']);
    const pages = mock.requests.filter((r) => r.url.startsWith('/api/query')).map((r) => new URL(r.url, 'http://x').searchParams.get('page'));
    expect(pages.slice(-3)).toEqual(['1', '2', '3']);
  });

  it('paginate(listQueryResults) gives the same items in XML', async () => {
    const collect = async (format: 'json' | 'xml') => {
      const items = [];
      for await (const ref of emClient(mock, { format }).paginate('listQueryResults', { params: { query: { type: 'BackupJobSession', pageSize: 2 } } })) items.push(ref);
      return items;
    };
    const [json, xml] = [await collect('json'), await collect('xml')];
    expect(xml).toHaveLength(PAGES * 2);
    expect(xml).toEqual(json);
  });
});
