// Operations with their own `servers` (a path- or operation-level override of the root servers): where
// they live relative to a base URL, and whether a request path is under the right base path.
// VB for Azure serves every operation under /api/v2 except POST /api/oauth2/token (unversioned).
import { trimSlashes, type IndexedOperation, type SpecIndex } from './index.js';

const parts = (p: string): string[] => trimSlashes(p).split('/').filter((s) => s !== '');

/**
 * The base URL of an operation: `baseUrl` itself, or, for an operation with its own server, `baseUrl`
 * rebased from the root base path onto that server's base path (`https://h/api/v2` -> `https://h/api`).
 */
export function operationBaseUrl(index: SpecIndex, op: IndexedOperation, baseUrl: string): string {
  const target = op.serverBasePaths?.[0];
  if (target === undefined) return baseUrl;
  const api = parts(index.rootBasePaths.at(-1) ?? '');
  const own = parts(target);
  let common = 0;
  while (common < api.length && common < own.length && api[common]!.toLowerCase() === own[common]!.toLowerCase()) common++;
  const u = new URL(baseUrl);
  const path = parts(u.pathname);
  const drop = api.length - common;
  const joined = (drop <= path.length ? [...path.slice(0, path.length - drop), ...own.slice(common)] : own).join('/');
  return `${u.origin}${joined ? `/${joined}` : ''}`;
}

/**
 * True when `url` (a request path with query, or an absolute URL) addresses `op` under one of the base
 * paths it is served at: its own server's when it has one, else the root servers'. A spec without
 * servers places no constraint.
 */
export function servedAt(index: SpecIndex, op: IndexedOperation, url: string): boolean {
  const bases = op.serverBasePaths ?? index.rootBasePaths;
  if (bases.length === 0) return true;
  const path = parts(new URL(url, 'http://x').pathname).map((s) => s.toLowerCase());
  return bases.some((b) => {
    const base = parts(b).map((s) => s.toLowerCase());
    return path.length === base.length + op.segments.length && base.every((s, i) => path[i] === s);
  });
}
