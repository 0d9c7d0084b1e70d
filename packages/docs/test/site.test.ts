// The built site (packages/docs/dist, from `pnpm docs:build`) opened in real headless Chromium,
// served from 127.0.0.1 by the package's own static server.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJson, isXml, listOperations, resolveRef } from '../src/openapi.js';
import { openRegistry } from '@veeam-rest/spec-registry';
import { clientImport } from '../src/client-import.js';
import { defaultOutDir, packageDir, repoRoot } from '../src/paths.js';
import { apiFolder } from '../src/product-summary.js';
import { startStaticServer, type StaticServer } from '../src/static-server.js';
import { launchRecordingBrowser, type RecordingBrowser } from './support/browser.js';
import { dualMediaResponses, expectedTitles, loadBuiltSpec } from './support/expectations.js';
import { collectOperations, readResponseSamples, waitForRedoc, type RenderedOperation } from './support/redoc.js';

const dist = defaultOutDir;
const screenshots = path.join(packageDir, 'screenshots');
const apis = (await openRegistry({ rootDir: repoRoot })).apis;

let server: StaticServer;
let browser: RecordingBrowser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startStaticServer(dist);
  browser = await launchRecordingBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  expect(response?.status(), `HTTP status of ${url}`).toBe(200);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

describe('index page', () => {
  it('lists every product once, with every registry version: version, servers, auth and client snippet', async () => {
    const page = await open(server.url);
    const slugs = await page.locator('section.product').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')));
    expect(slugs).toEqual([...new Set(apis.map((a) => a.product))]);
    for (const product of slugs) {
      const aliases = await page.locator(`section.product[data-slug="${product}"] article.api`).evaluateAll((els) => els.map((e) => e.getAttribute('data-alias')));
      expect(aliases, `${product}: its versions, oldest first`).toEqual(apis.filter((a) => a.product === product).map((a) => a.alias));
    }
    for (const api of apis) {
      const doc = loadBuiltSpec(dist, apiFolder(api));
      const article = page.locator(`article.api[data-alias="${api.alias}"]`);
      const text = await article.innerText();
      expect(text).toContain(doc.info.title);
      expect(text).toContain(`API ${api.version}`);
      expect(await article.locator('.op-count').innerText()).toBe(String(listOperations(doc).length));
      for (const s of doc.servers ?? []) expect(text).toContain(s.url);
      for (const name of Object.keys(doc.components?.securitySchemes ?? {})) expect(text).toContain(name);
      expect(text).toContain(`import { createClient } from '${clientImport(api)}'`);
      expect(text).toContain('auth: { username, password }');
      const xml = listOperations(doc).some(({ operation }) =>
        Object.values(operation.responses ?? {}).some((r) => Object.keys(resolveRef(doc, r).content ?? {}).some(isXml)),
      );
      expect(text.includes("format: 'xml'"), `${api.alias}: format: 'xml' in the snippet iff the API speaks XML`).toBe(xml);
    }
    await page.screenshot({ path: path.join(screenshots, 'index.png'), fullPage: true });
    await page.close();
  });

  it('says which versions exist per product, which is current (the newest) and which is the package root', async () => {
    expect(apis.map((a) => a.alias)).toEqual(['enterprise-manager@v1', 'm365@v3', 'm365@v8', 'azure@v2', 'azure@v8.1']);
    const page = await open(server.url);
    const marks = await page.locator('article.api').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-alias'), e.getAttribute('data-current'), e.getAttribute('data-package-root'), e.querySelector('h3')!.textContent!.replace(/\s+/g, ' ').trim()]),
    );
    expect(marks).toEqual([
      ['enterprise-manager@v1', 'true', 'true', expect.stringMatching(/ v1 current package root: @veeam-rest\/enterprise-manager$/)],
      ['m365@v3', 'false', 'true', expect.stringMatching(/ v3 package root: @veeam-rest\/m365$/)],
      ['m365@v8', 'true', 'false', expect.stringMatching(/ v8 current$/)],
      ['azure@v2', 'false', 'true', expect.stringMatching(/ v2 package root: @veeam-rest\/azure$/)],
      ['azure@v8.1', 'true', 'false', expect.stringMatching(/ v8\.1 current$/)],
    ]);
    const summaries = await page.locator('section.product .version-summary').allInnerTexts();
    expect(summaries.map((t) => t.split('. The current')[0])).toEqual(['Versions: v1 (current, package root)', 'Versions: v3 (package root), v8 (current)', 'Versions: v2 (package root), v8.1 (current)']);
    await page.close();
  });

  it('has only links that resolve: product pages list their versions, reference pages render, bundled specs parse and match', async () => {
    const page = await open(server.url);
    const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
    await page.close();
    const external = hrefs.filter((h) => !h.startsWith(server.url));
    expect(external, 'index links must stay on the site').toEqual([]);
    const targets = [...new Set(hrefs.map((h) => h.split('#')[0]!))].filter((h) => h !== server.url);
    const products = [...new Set(apis.map((a) => a.product))];
    expect(targets.length).toBe(apis.length * 3 + products.length);
    for (const target of targets) {
      const res = await fetch(target);
      expect(res.status, target).toBe(200);
      const body = await res.text();
      const product = products.find((p) => target === `${server.url}${p}/index.html`);
      if (target.endsWith('.json')) {
        expect(() => JSON.parse(body), `${target} parses`).not.toThrow();
      } else if (target.endsWith('.yaml')) {
        const json = readFileSync(path.join(dist, new URL(target).pathname.replace(/\.yaml$/, '.json')), 'utf8');
        expect(parseYaml(body), `${target} is the same document as openapi.json`).toEqual(JSON.parse(json));
      } else if (product !== undefined) {
        const linked = await open(target);
        const rows = await linked.locator('tr.api').evaluateAll((els) => els.map((e) => e.getAttribute('data-alias')));
        expect(rows, `${target} lists the versions of ${product}`).toEqual(apis.filter((a) => a.product === product).map((a) => a.alias));
        const current = await linked.locator('tr.api[data-current="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-alias')));
        expect(current, `${target} marks the newest version current`).toEqual([rows.at(-1)]);
        for (const href of await linked.locator('tr.api a[href]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href))) {
          expect((await fetch(href)).status, `${href} (from ${target})`).toBe(200);
        }
        await linked.close();
      } else {
        const linked = await open(target);
        await waitForRedoc(linked);
        expect(await linked.locator('#redoc [data-section-id]').count(), `${target} renders`).toBeGreaterThan(0);
        await linked.close();
      }
    }
  });
});

describe.each(apis.map((a) => [a.alias, apiFolder(a)] as const))('%s reference page', (alias, folder) => {
  const slug = alias.replace('@', '-');
  const doc = loadBuiltSpec(dist, folder);
  const dual = dualMediaResponses(doc);
  // One page per API version: the operation census is taken once and both checks read it.
  let page: Page;
  let rendered: RenderedOperation[];

  beforeAll(async () => {
    page = await open(`${server.url}${folder}/index.html`);
    await waitForRedoc(page);
    await page.screenshot({ path: path.join(screenshots, `${slug}.png`) });
    rendered = await collectOperations(page);
  });
  afterAll(() => page?.close());

  it('renders exactly one entry per operation in the spec', () => {
    expect(rendered.length, `${slug}: operation entries vs operations in the bundled spec`).toBe(listOperations(doc).length);
    expect(rendered.map((r) => r.title).sort()).toEqual(expectedTitles(doc));
    expect((page as Page & { errors: string[] }).errors, 'uncaught page errors').toEqual([]);
  });

  // Only APIs that document XML next to JSON (EM) get this check; the next test keeps it honest.
  if (dual.length > 0) {
    // One Redoc navigation per operation: the guard grows with the spec (EM has 45), on 2 shared cores.
    const perOperation = { timeout: Math.max(180_000, dual.length * 8_000) };
    it(`shows the XML and the JSON example of every XML+JSON response (${dual.length} operations)`, perOperation, async () => {
      const bySummary = new Map(rendered.map((r) => [r.title, r.sectionId]));
      let shot = false;
      for (const d of dual) {
        const sectionId = bySummary.get(d.summary);
        expect(sectionId, `${d.operationId}: entry titled "${d.summary}"`).toBeDefined();
        await page.evaluate((hash) => (location.hash = hash), `#${sectionId!}`);
        const { offered, samples } = await readResponseSamples(page, sectionId!, d.status, d.media.map((m) => m.mediaType));
        for (const m of d.media) {
          expect(offered, `${d.operationId} ${d.status}: media types offered`).toContain(m.mediaType);
          expect(samples[m.mediaType], `${d.operationId} ${d.status} ${m.mediaType} example`).toContain(m.marker);
        }
        if (!shot) {
          await page.locator(`#redoc [data-section-id="${sectionId}"]`).screenshot({ path: path.join(screenshots, `${slug}-xml-json.png`) });
          shot = true;
        }
      }
    });
  }

  it('checks every operation that documents XML and JSON responses (the example check is not vacuous)', () => {
    const both = listOperations(doc).filter(({ operation }) =>
      Object.values(operation.responses ?? {}).some((ref) => {
        const types = Object.keys(resolveRef(doc, ref).content ?? {});
        return types.some(isXml) && types.some(isJson);
      }),
    );
    expect(dual.map((d) => d.operationId)).toEqual(both.map((o) => o.operation.operationId ?? ''));
  });
});

describe('network', () => {
  it('made no request that left 127.0.0.1', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.offLoopback()).toEqual([]);
  });
});
