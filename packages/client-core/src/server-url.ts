/**
 * Where an operation with its own server lives, given the client's base URL. VB for Azure serves every
 * operation under `/api/v2` except the token endpoint, which is unversioned at `/api/oauth2/token`
 * (a path-level `servers` override in the spec).
 */

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '');

/**
 * Rebases the client's base URL from the API base path onto another server base path of the same spec:
 * the trailing segments that only the API base path has are dropped, the ones only the other server
 * has are appended. Everything before them (origin, a reverse proxy's prefix) is kept.
 * @param baseUrl the client's base URL, e.g. `https://vba.example.com/api/v2`
 * @param apiBasePath base path of the spec's server, e.g. `/api/v2`
 * @param serverBasePath base path of the operation's own server, e.g. `/api`
 * @returns the operation's server URL without trailing slash, e.g. `https://vba.example.com/api`
 * @example resolveServerUrl('https://proxy/vba/api/v2', '/api/v2', '/api') // 'https://proxy/vba/api'
 */
export function resolveServerUrl(baseUrl: string, apiBasePath: string, serverBasePath: string): string {
  const url = new URL(baseUrl);
  const api = segments(apiBasePath);
  const target = segments(serverBasePath);
  let common = 0;
  while (common < api.length && common < target.length && api[common]!.toLowerCase() === target[common]!.toLowerCase()) common++;
  const path = segments(url.pathname);
  const drop = api.length - common;
  // A base URL shorter than the API base path (a misconfigured client): the server's whole base path on its origin.
  const joined = (drop <= path.length ? [...path.slice(0, path.length - drop), ...target.slice(common)] : target).join('/');
  return `${url.origin}${joined ? `/${joined}` : ''}`;
}
