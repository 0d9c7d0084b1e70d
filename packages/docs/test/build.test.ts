// The builder end to end on a small fixture registry, with the real Redocly CLI.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build.js';
import { DocsError } from '../src/errors.js';
import { assertOffline } from '../src/offline.js';
import { packageDir } from '../src/paths.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'site');
const out = mkdtempSync(path.join(tmpdir(), 'veeam-docs-build-'));
const read = (...p: string[]): string => readFileSync(path.join(out, ...p), 'utf8');

describe('buildSite on the fixture registry', () => {
  beforeAll(async () => {
    await buildSite({ rootDir: fixture, outDir: out });
  });

  it('writes the bundled spec with externalValue examples inlined, as JSON and the same YAML', () => {
    const json = JSON.parse(read('demo', 'v1', 'openapi.json'));
    const xml = json.paths['/things/{ID}'].get.responses['200'].content['application/xml'].examples.seed;
    expect(xml).toEqual({ summary: 'XML', value: readFileSync(path.join(fixture, 'specs/demo/examples/getThing/200.xml'), 'utf8') });
    expect(read('demo', 'v1', 'openapi.json')).not.toContain('externalValue');
    expect(parseYaml(read('demo', 'v1', 'openapi.yaml'))).toEqual(json);
  });

  it('writes a reference page with Redoc inlined and nothing to fetch', () => {
    const html = read('demo', 'v1', 'index.html');
    expect(() => assertOffline(html, 'demo/v1/index.html')).not.toThrow();
    expect(html).toContain('RedocStandalone');
    expect(html).toContain('<title>Demo API (v1) reference</title>');
    expect(read('demo', 'v2', 'index.html')).toContain('<title>Demo API (v2) reference</title>');
  });

  it('writes an index with versions, servers, auth flows and the client snippet', () => {
    const html = read('index.html');
    expect(html).toContain('href="demo/v1/index.html"');
    expect(html).toContain('href="demo/v1/openapi.json"');
    expect(html).toContain('href="demo/v1/openapi.yaml"');
    expect(html).toContain('API v1');
    expect(html).toContain('https://{host}:9398/api');
    expect(html).toContain('<code>POST /sessionMngr/</code> (<code>createSession</code>)');
    expect(html).toContain('201 (X-Session-Id)');
    expect(html).toContain('API key in header X-Session-Id');
    expect(html).toContain("baseUrl: &#39;https://demo.example.com:9398/api&#39;");
    expect(html).toContain("format: &#39;xml&#39;");
    expect(html).toContain('client.GET(&#39;/things/{ID}&#39;, { params: { path: { ID: &#39;&lt;ID&gt;&#39; } } })');
  });

  it('lists the product once, with both versions oldest first, each with its own page and spec', () => {
    const html = read('index.html');
    expect(html.match(/<section class="product"/g)).toHaveLength(1);
    expect([...html.matchAll(/<article class="api" id="([^"]+)" data-alias="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['demo-v1', 'demo@v1'],
      ['demo-v2', 'demo@v2'],
    ]);
    expect(html).toContain('2 API versions: <a href="#demo-v1">v1</a> <a href="#demo-v2">v2</a>');
    for (const v of ['v1', 'v2']) for (const f of ['index.html', 'openapi.json', 'openapi.yaml']) expect(html).toContain(`href="demo/${v}/${f}"`);
    expect(JSON.parse(read('demo', 'v2', 'openapi.json')).info.version).toBe('2.0');
    expect(html).toContain('https://{host}/api/v2');
  });

  it('writes a product page listing its versions with their operation counts (the old demo/index.html link)', () => {
    const html = read('demo', 'index.html');
    expect([...html.matchAll(/<tr class="api" data-alias="([^"]+)"[\s\S]*?<span class="op-count">(\d+)<\/span>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['demo@v1', '3'],
      ['demo@v2', '1'],
    ]);
    expect(html).toContain('<a href="v2/index.html">v2</a>');
    expect(html).toContain('<a href="../index.html">All APIs</a>');
  });

  it('--api picks one version of a product', async () => {
    const one = mkdtempSync(path.join(tmpdir(), 'veeam-docs-one-'));
    const built = await buildSite({ rootDir: fixture, outDir: one, only: ['demo@v2'] });
    expect(built.map((p) => p.alias)).toEqual(['demo@v2']);
    expect(existsSync(path.join(one, 'demo', 'v1'))).toBe(false);
  });
});

describe('buildSite errors', () => {
  it('tries every API and names the one whose root file is missing', async () => {
    const err = await buildSite({ rootDir: fixture, configFile: 'redocly-missing.yaml', outDir: mkdtempSync(path.join(tmpdir(), 'veeam-docs-')) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocsError);
    expect((err as Error).message).toContain('failed for 1 of 2 APIs');
    expect((err as Error).message).toContain('ghost@v9: redocly-missing.yaml:6:11: ghost@v9: root file specs/ghost/openapi.yaml does not exist (#/apis/ghost@v9/root)');
  });

  it('refuses an --api that is not in the registry', async () => {
    await expect(buildSite({ rootDir: fixture, outDir: out + '-x', only: ['nope'] })).rejects.toThrow('redocly.yaml: no API "nope" in the registry (known: demo@v1, demo@v2)');
  });

  it('prints the spec file, line and pointer of a broken $ref, without a stack trace (CLI)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'veeam-docs-broken-'));
    mkdirSync(path.join(root, 'specs', 'x'), { recursive: true });
    writeFileSync(path.join(root, 'redocly.yaml'), 'apis:\n  x@v1:\n    root: specs/x/openapi.yaml\n');
    writeFileSync(
      path.join(root, 'specs', 'x', 'openapi.yaml'),
      "openapi: 3.1.0\ninfo: { title: X, version: '1' }\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200': { $ref: ./nope.yaml }\n",
    );
    const run = promisify(execFile);
    const err = (await run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--root', root, '--out', path.join(root, 'dist')], { cwd: packageDir }).catch(
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/^docs:build: docs build failed for 1 of 1 APIs/);
    expect(err.stderr).toContain('specs/x/openapi.yaml:8:');
    expect(err.stderr).toContain('#/paths/~1a/get/responses/200');
    expect(err.stderr).toContain("nope.yaml");
    expect(err.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
