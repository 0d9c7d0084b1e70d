/**
 * Rewrites absolute links in example bodies (`http://localhost:9399/api/...`,
 * `https://support.east.local:4443/v3/...`) to the mock's own origin, so a client can follow them on
 * loopback. Only URLs under one of the product's base paths are touched.
 */

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a function that rewrites every `scheme://authority/<base>` prefix in a body to `origin/<base>`.
 * @param basePaths base paths without slashes (`api/v2`, `api`), longest first
 * @param origin the mock's origin, e.g. `http://127.0.0.1:40123`
 */
export function hrefRewriter(basePaths: readonly string[], origin: string): (body: string) => string {
  if (basePaths.length === 0) return (b) => b;
  const alternatives = basePaths.map(escapeRegExp).join('|');
  // The base path must end at a segment boundary so `/api` does not swallow `/apiary`.
  const re = new RegExp(`https?://[^/\\s"'<>]+/(${alternatives})(?=[/?#"'<\\s&]|$)`, 'gi');
  return (body) => body.replace(re, (_m, base: string) => `${origin}/${base}`);
}
