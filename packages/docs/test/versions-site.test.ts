// A site built from a fixture registry holding two versions of one product (test/fixtures/site: demo@v1,
// EM-like XML + JSON, 3 operations; demo@v2, JSON only, 1 operation), opened in real headless Chromium:
// the index lists the product once with both versions, the product page lists them, and each version's
// reference page renders exactly its own operations.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build.js';
import { listOperations } from '../src/openapi.js';
import type { ProductSummary } from '../src/product-summary.js';
import { startStaticServer, type StaticServer } from '../src/static-server.js';
import { launchRecordingBrowser, type RecordingBrowser } from './support/browser.js';
import { expectedTitles, loadBuiltSpec } from './support/expectations.js';
import { collectOperations, waitForRedoc } from './support/redoc.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'site');
const out = mkdtempSync(path.join(tmpdir(), 'veeam-docs-versions-'));
let built: ProductSummary[];
let server: StaticServer;
let browser: RecordingBrowser;

beforeAll(async () => {
  built = await buildSite({ rootDir: fixture, outDir: out });
  server = await startStaticServer(out);
  browser = await launchRecordingBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  expect(response?.status(), `HTTP status of ${url}`).toBe(200);
  return page;
}

describe('two versions of one product', () => {
  it('builds both, oldest first', () => {
    expect(built.map((p) => p.alias)).toEqual(['demo@v1', 'demo@v2']);
  });

  it('the index lists the product once with each version, its operation count and its links', async () => {
    const page = await open(server.url);
    expect(await page.locator('section.product').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')))).toEqual(['demo']);
    const articles = page.locator('section.product[data-slug="demo"] article.api');
    expect(await articles.evaluateAll((els) => els.map((e) => e.getAttribute('data-alias')))).toEqual(['demo@v1', 'demo@v2']);
    for (const v of ['v1', 'v2']) {
      const article = page.locator(`article.api[data-version="${v}"]`);
      const doc = loadBuiltSpec(out, `demo/${v}`);
      expect(await article.locator('.op-count').innerText()).toBe(String(listOperations(doc).length));
      expect(await article.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual([
        `demo/${v}/index.html`,
        `demo/${v}/openapi.json`,
        `demo/${v}/openapi.yaml`,
      ]);
    }
    expect(await page.locator('nav').innerText()).toContain('Demo API: v1 v2');
    await page.close();
  });

  it('the product page lists both versions and links to their pages', async () => {
    const page = await open(`${server.url}demo/index.html`);
    expect(await page.locator('tr.api').evaluateAll((els) => els.map((e) => e.getAttribute('data-alias')))).toEqual(['demo@v1', 'demo@v2']);
    await page.locator('tr.api[data-version="v2"] th a').click();
    await page.waitForURL(`${server.url}demo/v2/index.html`);
    await waitForRedoc(page);
    await page.close();
  });

  it.each(['v1', 'v2'])('the %s reference page renders exactly its own operations', async (v) => {
    const doc = loadBuiltSpec(out, `demo/${v}`);
    const page = await open(`${server.url}demo/${v}/index.html`);
    await waitForRedoc(page);
    const rendered = await collectOperations(page);
    expect(rendered.length, `demo@${v}: entries vs operations in its bundled spec`).toBe(listOperations(doc).length);
    expect(rendered.map((r) => r.title).sort()).toEqual(expectedTitles(doc));
    await page.close();
  });

  it('the two versions differ (the per-version checks are not comparing one page twice)', () => {
    expect(listOperations(loadBuiltSpec(out, 'demo/v1')).length).toBe(3);
    expect(listOperations(loadBuiltSpec(out, 'demo/v2')).length).toBe(1);
  });

  it('made no request that left 127.0.0.1', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.offLoopback()).toEqual([]);
  });
});
