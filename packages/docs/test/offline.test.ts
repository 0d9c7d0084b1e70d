import { describe, expect, it } from 'vitest';
import { DocsError } from '../src/errors.js';
import { assertOffline, makeOffline } from '../src/offline.js';

const hydrated = '<script type="module">hydrate(__redoc_definition, {}, el)</script>';

describe('makeOffline', () => {
  it('replaces both CDN logos with an inline image', () => {
    const html = makeOffline(`${hydrated}<img src="https://cdn.redoc.ly/redoc/logo-mini-full.svg"><i>\`https://cdn.redoc.ly/redoc/logo-mini.svg\`</i>`);
    expect(html).not.toContain('cdn.redoc.ly');
    expect(html.match(/data:image\/svg\+xml,/g)).toHaveLength(2);
    expect(() => assertOffline(html, 'page.html')).not.toThrow();
  });
});

describe('assertOffline', () => {
  it.each([
    ['a CDN logo', 'x\n<img src="https://cdn.redoc.ly/redoc/logo.svg">', 2, 'a Redoc CDN asset'],
    ['the CDN bundle', '<link rel="modulepreload" href="https://cdn.redocly.com/redoc/v3/bundles/redoc.standalone.js">', 1, 'the Redoc bundle on the CDN'],
    ['a module preload', '\n\n<link crossorigin rel="modulepreload" href="/x.js">', 3, 'a modulepreload link'],
    ['a remote script', '<script src="https://example.com/a.js"></script>', 1, 'a remote script'],
    ['a remote stylesheet', '<link rel="stylesheet" href="http://example.com/a.css">', 1, 'a remote stylesheet or icon'],
    ['a web font', '<style>@font-face{src:url(https://fonts.gstatic.com/x.woff2)}</style>', 1, 'a web font'],
    ['a CSS import', '<style>@import url("https://example.com/a.css");</style>', 1, 'a remote CSS import'],
    ['Redoc from a URL', 'import { hydrate } from "https://example.com/redoc.js";', 1, 'Redoc imported from a URL'],
  ])('rejects %s, naming file:line', (_name, snippet, line, what) => {
    const html = `${snippet}\n${hydrated}`;
    expect(() => assertOffline(html, 'dist/em/index.html')).toThrow(DocsError);
    expect(() => assertOffline(html, 'dist/em/index.html')).toThrow(`dist/em/index.html:${line}: references ${what}`);
  });

  it('rejects a page that is not build-docs output', () => {
    expect(() => assertOffline('<html></html>', 'x.html')).toThrow('x.html: no Redoc hydration script found');
  });

  it('accepts strings inside the inlined bundle that only look like markup', () => {
    // React's own source mentions modulepreload; only real tags count.
    expect(() => assertOffline(`${hydrated}<script>const s = "modulepreload"; const r = 'rel="modulepreload"';</script>`, 'x.html')).not.toThrow();
  });
});
