import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../src/static-server.js';

// The parent holds a file the server must never hand out.
const parent = mkdtempSync(path.join(tmpdir(), 'veeam-docs-serve-'));
const root = path.join(parent, 'site');
let server: StaticServer;

/** Sends the path verbatim (fetch would normalize `..` away before it reaches the server). */
function rawGet(urlPath: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(root, 'm365'), { recursive: true });
  writeFileSync(path.join(parent, 'secret.txt'), 'TOP-SECRET-CONTENT');
  writeFileSync(path.join(root, 'index.html'), '<h1>index</h1>');
  writeFileSync(path.join(root, 'm365', 'index.html'), '<h1>m365</h1>');
  writeFileSync(path.join(root, 'm365', 'openapi.yaml'), 'openapi: 3.1.0\n');
  server = await startStaticServer(root);
});
afterAll(() => server.close());

describe('static server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it.each([
    ['/', 'text/html; charset=utf-8', '<h1>index</h1>'],
    ['/m365/', 'text/html; charset=utf-8', '<h1>m365</h1>'],
    ['/m365', 'text/html; charset=utf-8', '<h1>m365</h1>'],
    ['/m365/openapi.yaml?x=1', 'application/yaml; charset=utf-8', 'openapi: 3.1.0\n'],
  ])('serves %s', async (urlPath, type, body) => {
    expect(await rawGet(urlPath)).toEqual({ status: 200, type, body });
  });

  it.each(['/missing.html', '/../secret.txt', '/m365/../../secret.txt', '/..%2fsecret.txt', '/%E0%A4%A'])('answers 404 for %s', async (urlPath) => {
    const res = await rawGet(urlPath);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('TOP-SECRET-CONTENT');
  });

  it('refuses writes', async () => {
    expect((await rawGet('/', 'POST')).status).toBe(405);
  });
});
