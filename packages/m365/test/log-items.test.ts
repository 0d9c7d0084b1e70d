// VB365 v3 answers GET /JobSessions/{id}/LogItems with a page {offset, limit, results} (default limit 30),
// whatever the v3 help page shows: paginate walks it, and each item's self link leads to one log item.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { m365Client, startM365 } from './support.js';

const SESSION = '9f4eba99-ce30-419b-a942-354744045f51';
const TOTAL = 73; // three pages of 30, the last one short
/** The genuine capture of a real v3 server: its first item is the template of every generated item. */
const CAPTURE = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../contract-tests/recordings/m365/listJobSessionLogItems/200-captured.json'), 'utf8'),
) as { offset: number; limit: number; results: Record<string, unknown>[] };

/** One page as a v3 server writes it: offset/limit echoed (limit 30 when absent), items in usn order. */
function logPage(origin: string, offset: number, limit: number): string {
  const results = [];
  for (let usn = offset + 1; usn <= Math.min(TOTAL, offset + limit); usn++) {
    const id = `00000000-0000-4000-8000-${String(usn).padStart(12, '0')}`;
    const session = `${origin}/v3/jobsessions/${SESSION}`;
    results.push({ ...CAPTURE.results[0], id, usn, _links: { self: { href: `${session}/logitems/${id}` }, jobsessions: { href: session } } });
  }
  return JSON.stringify({ offset, limit, results });
}

describe('m365 session log pages (listJobSessionLogItems)', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  async function pagedServer(): Promise<MockServer> {
    let origin = '';
    const m = await startM365({
      hook: (req, res) => {
        const url = new URL(req.url!, 'http://x');
        if (url.pathname.toLowerCase() !== `/v3/jobsessions/${SESSION}/logitems` || !req.headers.authorization) return false;
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 30);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(logPage(origin, offset, limit));
        return true;
      },
    });
    origin = m.origin;
    return m;
  }

  it('paginate yields every item across pages, asking with offset/limit', async () => {
    const m = (mock = await pagedServer());
    const vb = m365Client(m);
    const usns: number[] = [];
    for await (const item of vb.paginate('listJobSessionLogItems', { params: { path: { id: SESSION }, query: { limit: 30 } } })) usns.push(item.usn);
    expect(usns).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    const asked = m.requests
      .filter((r) => r.url.toLowerCase().includes('/logitems'))
      .map((r) => new URL(r.url, 'http://x').searchParams)
      .map((q) => `offset=${q.get('offset')} limit=${q.get('limit')}`);
    expect(asked).toEqual(['offset=0 limit=30', 'offset=30 limit=30', 'offset=60 limit=30']);
  });

  it('a typed GET returns the page object, and an item self link leads to getJobSessionLogItem', async () => {
    const m = (mock = await pagedServer());
    const vb = m365Client(m);
    const { data, error } = await vb.GET('/JobSessions/{id}/LogItems', { params: { path: { id: SESSION } } });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ offset: 0, limit: 30 });
    expect(data!.results).toHaveLength(30);
    const followed = await vb.follow(data!.results[0]!._links!.self!);
    expect(followed.operationId).toBe('getJobSessionLogItem');
    expect(followed.error).toBeUndefined();
    expect(followed.data).toMatchObject({ usn: 1 });
  });

  it('listJobs returns the jobs as a bare array', async () => {
    const m = (mock = await startM365());
    const { data, error } = await m365Client(m).GET('/Jobs');
    expect(error).toBeUndefined();
    expect(Array.isArray(data)).toBe(true);
    expect(data![0]).toMatchObject({ name: 'test_job', lastStatus: 'Success' });
  });
});
