import { escapeHtml as h, inlineMarkdown } from './html.js';
import type { ProductSummary } from './product-summary.js';

// System fonts only: the site must not load anything from the network.
const STYLE = `
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
  main { max-width: 980px; margin: 0 auto; padding: 24px; }
  h1 { margin: 8px 0 4px; } .lead { color: #57606a; margin-top: 0; }
  section.product { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 4px 24px 16px; margin: 20px 0; }
  section.product h2 { margin-bottom: 4px; } .meta { color: #57606a; margin-top: 0; }
  .links a { display: inline-block; margin-right: 16px; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { text-align: left; vertical-align: top; border-top: 1px solid #d8dee4; padding: 6px 8px; }
  th { width: 150px; color: #57606a; font-weight: 600; }
  code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: 1px 4px; border-radius: 4px; }
  pre { background: #0d1117; color: #e6edf3; padding: 12px 16px; border-radius: 6px; overflow-x: auto; }
  pre code { background: none; color: inherit; padding: 0; }
  ul { margin: 4px 0; padding-left: 20px; } td p { margin: 0 0 6px; }
`;

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

function productSection(p: ProductSummary): string {
  const servers = p.servers.map((s) => `<li><code>${h(s.url)}</code>${s.description ? ` ${h(s.description)}` : ''}</li>`).join('');
  return `
<section class="product" id="${h(p.slug)}" data-slug="${h(p.slug)}">
  <h2>${h(p.title)}</h2>
  <p class="meta"><code>${h(p.slug)}</code> &middot; API ${h(p.apiVersion)} &middot; spec version ${h(p.specVersion)} &middot; <span class="op-count">${p.operationCount}</span> operations</p>
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
  <h3>Use the generated client</h3>
  <pre><code>${h(p.snippet)}</code></pre>
</section>`;
}

/** Renders the site's index page: one section per product, in registry order. */
export function renderIndexPage(products: ProductSummary[], generator: string): string {
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
<nav><ul>${products.map((p) => `<li><a href="#${h(p.slug)}">${h(p.title)}</a> (${h(p.apiVersion)})</li>`).join('')}</ul></nav>
${products.map(productSection).join('\n')}
</main>
</body>
</html>
`;
}
