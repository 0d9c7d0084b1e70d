// Docs pages in real headless Chromium (issue 12: "the docs page of the largest API rendering its first
// operation, compared with the current EM page"). Builds the site first (`turbo run docs:build`, a cache
// hit when nothing changed), serves packages/docs/dist from 127.0.0.1, and for every API version's page
// measures, in a fresh browser context each time (cold HTTP cache), the time from navigation start to:
// first contentful paint, the first operation of the first tag rendered (Redoc 3 shows one tag's
// operations at a time: the page is opened at that tag's route, as a link to it opens), and Redoc
// hydrated (React attached). Marks are taken in the page (requestAnimationFrame, performance.now()).
// Median of 5 rounds with the page order rotated. Debian's /usr/bin/chromium; nothing is downloaded and
// every request off 127.0.0.1 is aborted.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { parse } from 'yaml';
import { median } from './child-cpu.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(repo, 'packages/docs/dist');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' };

const build = spawnSync(path.join(repo, 'node_modules/.bin/turbo'), ['run', 'docs:build', '--filter=@veeam-rest/docs', '--output-logs=errors-only'], { cwd: repo, env, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`docs:build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);

const registry = parse(readFileSync(path.join(repo, 'redocly.yaml'), 'utf8')) as { apis: Record<string, unknown> };
const pages = Object.keys(registry.apis).map((alias) => {
  const dir = alias.replace('@', '/');
  const html = path.join(dist, dir, 'index.html');
  const spec = path.join(dist, dir, 'openapi.json');
  if (!existsSync(html) || !existsSync(spec)) throw new Error(`docs:build wrote no ${path.relative(repo, html)} for ${alias}`);
  const doc = JSON.parse(readFileSync(spec, 'utf8'));
  const operations = Object.values<Record<string, unknown>>(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(k)).length, 0);
  return { alias, url: `/${dir}/index.html`, htmlBytes: statSync(html).size, specBytes: statSync(spec).size, operations };
});
const EM = 'enterprise-manager@v1';
const largest = pages.filter((p) => p.alias !== EM).sort((a, b) => b.specBytes - a.specBytes)[0]!;

// Static files of dist/ only, read-only, 127.0.0.1.
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const file = path.join(dist, rel.endsWith('/') ? `${rel}index.html` : rel);
  if (!file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
  const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

// A string, not a function: tsx would wrap a function's inner arrows in a helper the page lacks.
const MARKS = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const tick = () => {
    const op = document.querySelector('#redoc [data-item-kind="httpItem"]');
    if (!marks.operation && op) {
      const box = op.getBoundingClientRect();
      if (box.height > 0 && box.top < innerHeight && op.querySelector('h1, h2')) marks.operation = performance.now();
    }
    const root = document.getElementById('redoc');
    if (!marks.hydrated && root && Object.keys(root).some((k) => k.startsWith('__reactContainer'))) marks.hydrated = performance.now();
    if (!(marks.operation && marks.hydrated)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const browser: Browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** The route of the first tag that has operations (read once from the hydrated page). */
async function firstTagRoute(url: string): Promise<string> {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(origin + url, { waitUntil: 'load' });
    await page.waitForSelector('#redoc [data-section-id]', { state: 'attached' });
    const ids = await page.evaluate(() => [...document.querySelectorAll('#redoc [data-section-id]')].map((e) => e.getAttribute('data-section-id') ?? ''));
    const tag = ids.find((id) => /^\/[^/]+$/.test(id));
    if (!tag) throw new Error(`${url}: no tag section found`);
    return tag;
  } finally {
    await ctx.close();
  }
}

interface Marks { fcp: number; operation: number; hydrated: number }
async function measure(url: string): Promise<Marks> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    await ctx.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' || route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
    const page = await ctx.newPage();
    await page.addInitScript({ content: MARKS });
    await page.goto(origin + url, { waitUntil: 'load' });
    await page.waitForFunction(() => { const m = (window as any).__benchMarks; return m && m.operation && m.hydrated; }, null, { timeout: 120_000 });
    return await page.evaluate(() => {
      const m = (window as any).__benchMarks;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { fcp, operation: m.operation, hydrated: m.hydrated };
    });
  } finally {
    await ctx.close();
  }
}

const routes = new Map<string, string>();
for (const p of pages) routes.set(p.alias, `${p.url}#${await firstTagRoute(p.url)}`);

const rounds = 5;
const results = new Map<string, Marks[]>(pages.map((p) => [p.alias, []]));
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < pages.length; i++) {
    const p = pages[(i + r) % pages.length]!;
    results.get(p.alias)!.push(await measure(routes.get(p.alias)!));
  }
}
await browser.close();
server.close();

const med = (alias: string, k: keyof Marks) => median(results.get(alias)!.map((m) => m[k]));
const em = med(EM, 'operation');
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const rows = pages.map((p) => {
  const name = p.alias === EM ? `${p.alias} (reference)` : p.alias === largest.alias ? `**${p.alias}** (largest new)` : p.alias;
  return `| ${name} | \`${routes.get(p.alias)!.split('#')[1]}\` | ${p.operations} | ${kib(p.specBytes)} | ${kib(p.htmlBytes)} | ${med(p.alias, 'fcp').toFixed(0)} | ${med(p.alias, 'operation').toFixed(0)} | ${med(p.alias, 'hydrated').toFixed(0)} | ${(med(p.alias, 'operation') / em).toFixed(2)}x |`;
});
const ratio = med(largest.alias, 'operation') / em;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    '## Docs: first operation rendered in headless Chromium, per API version',
    '',
    `Each API version's reference page (packages/docs/dist, built by \`turbo run docs:build\`) served from 127.0.0.1 and opened in Debian's headless Chromium at the route of its first tag (Redoc 3 renders one tag's operations at a time), a fresh browser context (cold cache) per load. Times are milliseconds from navigation start, taken in the page; median of ${rounds} rounds with the page order rotated. HTML = the page file (Redoc's bundle inlined); spec = the bundled openapi.json.`,
    '',
    '| page | opened at | operations | spec | HTML | first contentful paint ms | first operation rendered ms | hydrated ms | first operation vs EM |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `- Largest new API by bundled spec: ${largest.alias} (${kib(largest.specBytes)}, HTML ${kib(largest.htmlBytes)}); its first operation renders in **${ratio.toFixed(2)}x** the EM page's time (EM: ${kib(pages.find((p) => p.alias === EM)!.specBytes)} spec, HTML ${kib(pages.find((p) => p.alias === EM)!.htmlBytes)}). Bound: <= 1.25x EM: ${ratio <= 1.25 ? 'met' : 'NOT met'}.`,
    `- Machine: ${cpu}, ${os.cpus().length} cores; 1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} (times grow with load; the ratios compare pages under the same load).`,
    '',
  ].join('\n'),
);
