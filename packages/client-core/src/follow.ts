import { VeeamLinkError } from './errors.js';
import { compileTemplate, matchTemplate, type PathTemplate } from './path-match.js';
import type { OperationTable, SpecInfo } from './table.js';
import type { LinkObject } from './types.js';

/** The call a link resolves to. */
export interface ResolvedLink {
  operationId: string;
  method: string;
  path: string;
  params: { path: Record<string, string>; query: Record<string, string | string[]> };
}

// EM action links are POSTs to the resource with ?action=...; Delete links are DELETEs.
const EM_REL_METHODS: Record<string, string> = { stop: 'POST', start: 'POST', retry: 'POST', toggleScheduleEnabled: 'POST', delete: 'DELETE' };

/**
 * Builds the resolver behind `follow()`: strips origin and base path from a link's href, refuses
 * documented dead links (quoting their reason), and finds the specified operation whose path template
 * matches, taking the method from the EM `Rel`.
 */
export function createLinkResolver(spec: SpecInfo, table: OperationTable, baseUrl: string): (link: LinkObject) => ResolvedLink {
  const ci = spec.caseInsensitivePaths;
  const operations = Object.entries(table).map(([operationId, op]) => ({
    operationId,
    method: op.method.toUpperCase(),
    compiled: compileTemplate(op.path),
  }));
  const dead = spec.deadLinks.map((d) => ({ ...d, compiled: compileTemplate(d.template) }));
  const prefixes = [spec.basePath, new URL(baseUrl).pathname].map((p) => p.replace(/\/+$/, '')).filter((p) => p !== '');

  return (link) => {
    const href = hrefOf(link);
    const rel = relOf(link);
    let url: URL;
    try {
      url = new URL(href, baseUrl + '/');
    } catch {
      throw new VeeamLinkError('invalid-link', `Cannot follow link: href ${JSON.stringify(href)} is not a URL.`, href);
    }
    const path = stripPrefix(url.pathname, prefixes, ci);
    for (const d of dead) {
      if (matchTemplate(d.compiled, path, ci)) {
        throw new VeeamLinkError(
          'dead-link',
          `Cannot follow ${href}${rel ? ` (rel ${rel})` : ''}: the ${spec.product} spec marks ${d.template} as a dead link: ${d.reason}${d.source ? ` (${d.source})` : ''}`,
          href,
        );
      }
    }
    const method = (rel && EM_REL_METHODS[rel.charAt(0).toLowerCase() + rel.slice(1)]) ?? 'GET';
    let best: { operationId: string; compiled: PathTemplate; params: Record<string, string> } | undefined;
    for (const op of operations) {
      if (op.method !== method) continue;
      const params = matchTemplate(op.compiled, path, ci);
      if (params && (!best || op.compiled.specificity > best.compiled.specificity)) best = { operationId: op.operationId, compiled: op.compiled, params };
    }
    if (!best) {
      throw new VeeamLinkError(
        'no-matching-operation',
        `Cannot follow ${href}${rel ? ` (rel ${rel})` : ''}: no ${method} operation in the ${spec.product} spec matches the path ${path}.`,
        href,
      );
    }
    return { operationId: best.operationId, method, path: best.compiled.template, params: { path: best.params, query: queryOf(url) } };
  };
}

function hrefOf(link: LinkObject): string {
  const href = link && typeof link === 'object' ? ((link as { Href?: unknown }).Href ?? (link as { href?: unknown }).href) : undefined;
  if (typeof href !== 'string' || href === '') {
    throw new VeeamLinkError('invalid-link', `Cannot follow link: expected an object with a string Href (EM) or href (_links), got ${describe(link)}.`, String(href));
  }
  return href;
}

function relOf(link: LinkObject): string | undefined {
  const rel = (link as { Rel?: unknown }).Rel ?? (link as { rel?: unknown }).rel;
  return typeof rel === 'string' ? rel : undefined;
}

function stripPrefix(path: string, prefixes: string[], ci: boolean): string {
  for (const prefix of prefixes) {
    const head = path.slice(0, prefix.length);
    const next = path.charAt(prefix.length);
    if ((ci ? head.toLowerCase() === prefix.toLowerCase() : head === prefix) && (next === '/' || next === '')) return path.slice(prefix.length) || '/';
  }
  return path;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 120) ?? String(value);
  } catch {
    return typeof value;
  }
}
