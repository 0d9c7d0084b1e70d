import { DocsError } from './errors.js';

// Redoc 3 (build-docs --inlineBundle) still loads its "API docs by Redocly" footer logo from the
// CDN at runtime; there is no option to turn it off, so it is swapped for an inline SVG.
const CDN_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const LOCAL_LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14">' +
      '<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044d4">Redocly</text></svg>',
  );

/** Patterns that mean a page would fetch something from the network when opened. */
const REMOTE_MARKERS: [RegExp, string][] = [
  [/cdn\.redoc\.ly/, 'a Redoc CDN asset'],
  [/cdn\.redocly\.com\/redoc\//, 'the Redoc bundle on the CDN'],
  [/fonts\.(googleapis|gstatic)\.com/, 'a web font'],
  [/<link[^>]*\srel="modulepreload"/, 'a modulepreload link'],
  [/<script[^>]*\ssrc="https?:/, 'a remote script'],
  [/<link[^>]*\shref="https?:/, 'a remote stylesheet or icon'],
  [/import \{ hydrate \} from "https?:/, 'Redoc imported from a URL'],
  [/@import url\(["']?https?:/, 'a remote CSS import'],
];

/** Rewrites the remaining CDN references of a build-docs page to inline equivalents. */
export function makeOffline(html: string): string {
  let out = html;
  for (const url of CDN_LOGOS) out = out.split(url).join(LOCAL_LOGO);
  return out;
}

/**
 * Fails the build when a page still references a CDN script, font or logo: the site must work
 * with no network. `file` names the page in the error.
 */
export function assertOffline(html: string, file: string): void {
  for (const [pattern, what] of REMOTE_MARKERS) {
    const m = pattern.exec(html);
    if (!m) continue;
    const line = html.slice(0, m.index).split('\n').length;
    throw new DocsError(`${file}:${line}: references ${what} ("${m[0]}"); the page must not load anything from the network`);
  }
  if (!html.includes('hydrate(__redoc_definition')) {
    throw new DocsError(`${file}: no Redoc hydration script found (expected build-docs --inlineBundle output)`);
  }
}
