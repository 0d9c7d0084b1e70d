import { escapeHtml as h } from './html.js';
import { versionData, versionMarks } from './index-page.js';
import type { ProductSummary } from './product-summary.js';
import { STYLE } from './style.js';

/**
 * `<product>/index.html`: the versions of one product, each with its reference page and bundled spec.
 * It also keeps the pre-versions link `<product>/index.html` meaningful. Links are relative to the page.
 */
export function renderProductPage(slug: string, versions: ProductSummary[], generator: string): string {
  const title = versions.at(-1)!.title;
  const rows = versions
    .map(
      (v, i) => `<tr class="api" data-alias="${h(v.alias)}" data-version="${h(v.apiVersion)}" ${versionData(v, i === versions.length - 1)}>
  <th><a href="${h(v.apiVersion)}/index.html">${h(v.apiVersion)}</a> ${versionMarks(v, i === versions.length - 1)}</th>
  <td>${h(v.title)} &middot; spec version ${h(v.specVersion)} &middot; <span class="op-count">${v.operationCount}</span> operations &middot; <code>${h(v.clientModule)}</code></td>
  <td class="links"><a href="${h(v.apiVersion)}/openapi.json">openapi.json</a> <a href="${h(v.apiVersion)}/openapi.yaml">openapi.yaml</a></td>
</tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(generator)}">
<title>${h(title)}: API versions</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p><a href="../index.html">All APIs</a></p>
<h1>${h(title)}</h1>
<p class="lead"><code>${h(slug)}</code>: ${versions.length === 1 ? 'one API version' : `${versions.length} API versions`}, oldest first.</p>
<section class="product" data-slug="${h(slug)}">
<table>
${rows}
</table>
</section>
</main>
</body>
</html>
`;
}
