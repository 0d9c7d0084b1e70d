import { escapeHtml as h, inlineMarkdown } from './html.js';
import type { ProductSummary } from './product-summary.js';
import { STYLE } from './style.js';


function authRows(p: ProductSummary): string {
  const schemes = p.auth.schemes
    .map((s) => `<li><code>${h(s.name)}</code>: ${h(s.kind)}${p.auth.defaultSchemes.includes(s.name) ? ' (default for every operation)' : ''}${s.description ? inlineMarkdown(s.description) : ''}</li>`)
    .join('\n');
  const entries = p.auth.entryOperations
    .map((o) => {
      const sec = o.security.length ? o.security.map((s) => `<code>${h(s)}</code>`).join(', ') : 'no auth';
      const body = o.requestMediaTypes.length ? `; body ${o.requestMediaTypes.map((m) => `<code>${h(m)}</code>`).join(', ')}` : '';
      const ok = o.success.length ? ` &rarr; ${h(o.success.join(', '))}` : '';
      const at = o.url ? ` at <code>${h(o.url)}</code> (its own server, outside the base URL)` : '';
      return `<li><code>${h(o.method)} ${h(o.path)}</code>${at}${o.operationId ? ` (<code>${h(o.operationId)}</code>)` : ''}${o.summary ? `: ${h(o.summary)}` : ''} [${sec}${body}]${ok}</li>`;
    })
    .join('\n');
  return [
    `<tr><th>Security schemes</th><td><ul>${schemes || '<li>none declared</li>'}</ul></td></tr>`,
    `<tr><th>Logon / token</th><td><ul>${entries || '<li>no operation overrides the default security</li>'}</ul></td></tr>`,
  ].join('\n');
}

/** The package name of a client module (`@veeam-rest/m365/v3` -> `@veeam-rest/m365`). */
function packageName(module: string): string {
  return module.split('/').slice(0, module.startsWith('@') ? 2 : 1).join('/');
}

/**
 * The marks of one version: `current` (the newest of its product in the registry) and `package root`
 * (what `import ... from '@veeam-rest/<product>'` gives). Also used by the product pages.
 */
export function versionMarks(p: ProductSummary, current: boolean): string {
  const marks = [
    current ? '<span class="mark current">current</span>' : '',
    p.packageRoot ? `<span class="mark package-root">package root: <code>${h(packageName(p.clientModule))}</code></span>` : '',
  ].filter(Boolean);
  return marks.join(' ');
}

/** `data-` attributes of one version's element: current and package root, for readers and tests. */
export function versionData(p: ProductSummary, current: boolean): string {
  return `data-current="${current}" data-package-root="${p.packageRoot === true}"`;
}

function apiArticle(p: ProductSummary, current: boolean): string {
  const servers = p.servers.map((s) => `<li><code>${h(s.url)}</code>${s.description ? ` ${h(s.description)}` : ''}</li>`).join('');
  return `
  <article class="api" id="${h(anchor(p))}" data-alias="${h(p.alias)}" data-version="${h(p.apiVersion)}" ${versionData(p, current)}>
    <h3>${h(p.title)} ${h(p.apiVersion)} ${versionMarks(p, current)}</h3>
    <p class="meta"><code>${h(p.alias)}</code> &middot; API ${h(p.apiVersion)} &middot; spec version ${h(p.specVersion)} &middot; <span class="op-count">${p.operationCount}</span> operations</p>
    ${p.summary ? `<p>${h(p.summary)}</p>` : ''}
    <p class="links">
      <a href="${h(p.links.reference)}">API reference</a>
      <a href="${h(p.links.json)}">openapi.json</a>
      <a href="${h(p.links.yaml)}">openapi.yaml</a>
    </p>
    <table>
      <tr><th>Servers</th><td><ul>${servers || '<li>none declared</li>'}</ul></td></tr>
      <tr><th>Media types</th><td>${p.mediaTypes.map((m) => `<code>${h(m)}</code>`).join(' ')}${p.xml ? ' (XML and JSON examples side by side: pick the media type in each response panel)' : ''}</td></tr>
      ${authRows(p)}
    </table>
    <h4>Use the generated client</h4>
    <pre><code>${h(p.snippet)}</code></pre>
  </article>`;
}

/** `m365-v3`: the index anchor of one API version. */
export function anchor(p: Pick<ProductSummary, 'slug' | 'apiVersion'>): string {
  return `${p.slug}-${p.apiVersion}`;
}

/** The APIs grouped by product, in the order given (registry order: products in file order, versions oldest first). */
export function byProduct(apis: readonly ProductSummary[]): [string, ProductSummary[]][] {
  const groups = new Map<string, ProductSummary[]>();
  for (const p of apis) groups.set(p.slug, [...(groups.get(p.slug) ?? []), p]);
  return [...groups];
}

function versionLinks(versions: ProductSummary[], href: (p: ProductSummary) => string): string {
  return versions.map((v) => `<a href="${h(href(v))}">${h(v.apiVersion)}</a>`).join(' ');
}

/** `v3 (package root), v8 (current)`: which versions exist and what each is, in one line. */
function versionSummary(versions: ProductSummary[]): string {
  return versions
    .map((v, i) => {
      const what = [i === versions.length - 1 ? 'current' : '', v.packageRoot ? 'package root' : ''].filter(Boolean);
      return `${h(v.apiVersion)}${what.length ? ` (${what.join(', ')})` : ''}`;
    })
    .join(', ');
}

function productSection(slug: string, versions: ProductSummary[]): string {
  const newest = versions.at(-1)!;
  return `
<section class="product" id="${h(slug)}" data-slug="${h(slug)}">
  <h2>${h(newest.title)}</h2>
  <p class="meta versions"><code>${h(slug)}</code> &middot; ${versions.length === 1 ? 'API version' : `${versions.length} API versions`}: ${versionLinks(versions, (v) => `#${anchor(v)}`)} &middot; <a href="${h(slug)}/index.html">all versions</a></p>
  <p class="version-summary">Versions: ${versionSummary(versions)}. The current version is the newest one described here; the package root keeps the version it always had: import a version's subpath to pick another.</p>
  ${versions.map((v, i) => apiArticle(v, i === versions.length - 1)).join('\n')}
</section>`;
}

/** Renders the site's index page: one section per product, one article per API version, in registry order. */
export function renderIndexPage(apis: ProductSummary[], generator: string): string {
  const products = byProduct(apis);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(generator)}">
<title>veeam-rest API reference</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>veeam-rest API reference</h1>
<p class="lead">Reference docs for the Veeam REST APIs described in this repository's hand-written OpenAPI specs.
Each page is built with Redocly from the bundled spec and works offline; the bundled specs are here for download.</p>
<nav><ul>${products.map(([slug, versions]) => `<li><a href="#${h(slug)}">${h(versions.at(-1)!.title)}</a>: ${versionLinks(versions, (v) => `#${anchor(v)}`)}</li>`).join('')}</ul></nav>
${products.map(([slug, versions]) => productSection(slug, versions)).join('\n')}
</main>
</body>
</html>
`;
}
