/**
 * The recorder: logs on to a live server, calls the spec's parameterless read operations, follows the
 * links in their bodies one level to other documented GET operations, and writes recordings with
 * sidecars, secrets redacted. Used by `veeam-contract record`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { matchOperation } from '../match.js';
import { findRepoRoot } from '../recordings/paths.js';
import { formatSidecar } from '../recordings/sidecar.js';
import { indexSpec, resolveLocal, trimSlashes, type IndexedOperation, type SpecIndex } from '../spec/index.js';
import { operationBaseUrl } from '../spec/servers.js';
import { loadSpec } from '../spec/load.js';
import type { Product } from '../types.js';
import { httpRequest } from './http.js';
import { extractLinks } from './links.js';
import { logoff, logon } from './logon.js';
import { Redactor } from './redact.js';

/** Options of {@link recordApi}. */
export interface RecordOptions {
  product: Product;
  /** Server URL, with or without the base path (`https://em:9398/api` or `https://em:9398`). */
  baseUrl: string;
  username: string;
  password: string;
  /** Recordings root; files go to `<outDir>/<product>/<operationId>/`. */
  outDir: string;
  /** Replace host names with example.com (consistently). @default false */
  redactHosts?: boolean;
  /** Accept any TLS certificate. @default false */
  insecure?: boolean;
  /** Repository root with redocly.yaml. @default the checkout of this package */
  rootDir?: string;
  /** Responses recorded per operation and representation when following links. @default 2 */
  perOperation?: number;
  /** Upper bound on requests. @default 200 */
  maxRequests?: number;
  /** Progress lines (one per request). */
  log?: (line: string) => void;
}

/** What a recording run did. */
export interface RecordSummary {
  /** Written body files (sidecars sit beside them). */
  written: string[];
  /** Responses not written, with the reason. */
  skipped: { url: string; reason: string }[];
  /** Problems that did not stop the run (e.g. logoff failed). */
  warnings: string[];
}

interface Captured {
  op: IndexedOperation;
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
  variant?: string;
}

function requiredQueryParams(index: SpecIndex, op: IndexedOperation): boolean {
  const params = [...((op.operation.parameters as unknown[]) ?? [])].map((p) => resolveLocal(index.doc, p) as { in?: string; required?: boolean });
  return params.some((p) => p?.in === 'query' && p.required === true);
}

function extensionOf(contentType: string): 'json' | 'xml' | undefined {
  const mt = contentType.split(';')[0]!.trim().toLowerCase();
  if (mt.endsWith('json')) return 'json';
  if (mt.endsWith('xml')) return 'xml';
  return undefined;
}

/** Normalizes the base URL: no trailing slash; the spec's base path appended when none is given. */
export function normalizeBaseUrl(baseUrl: string, index: SpecIndex): string {
  const u = new URL(baseUrl);
  const p = u.pathname.replace(/\/+$/, '');
  const base = index.rootBasePaths.at(-1);
  return `${u.origin}${p === '' && base ? `/${base}` : p}`;
}

/**
 * Records a live server's read operations.
 * @throws Error when logon fails or the spec cannot be loaded
 */
export async function recordApi(o: RecordOptions): Promise<RecordSummary> {
  const spec = await loadSpec(o.rootDir ?? findRepoRoot(), o.product); // only this product: others may be broken
  const index = indexSpec(spec);
  const baseUrl = normalizeBaseUrl(o.baseUrl, index);
  const base = new URL(baseUrl);
  const insecure = o.insecure ?? false;
  const log = o.log ?? (() => {});
  const redactor = new Redactor(o.redactHosts ?? false, index.basePaths);
  redactor.addSecret(o.password);
  redactor.addHost(base.hostname);
  const summary: RecordSummary = { written: [], skipped: [], warnings: [] };
  const captured: Captured[] = [];
  const mediaTypes = o.product === 'enterprise-manager' ? ['application/xml', 'application/json'] : ['application/json'];
  const maxRequests = o.maxRequests ?? 200;
  let requests = 0;

  const tokenOp = index.byId.get('createToken');
  const tokenUrl = tokenOp ? `${operationBaseUrl(index, tokenOp, baseUrl)}/${trimSlashes(tokenOp.path)}` : undefined;
  const session = await logon({ product: o.product, baseUrl, username: o.username, password: o.password, insecure, ...(tokenUrl ? { tokenUrl } : {}) });
  session.secrets.forEach((s) => redactor.addSecret(s));
  const logonOp = index.byId.get(session.exchange.operationId);
  if (logonOp) {
    const r = session.exchange.response;
    captured.push({ op: logonOp, method: session.exchange.method, url: session.exchange.url, status: r.status, contentType: String(r.headers['content-type'] ?? ''), body: r.body });
  }

  const fetchOp = async (op: IndexedOperation, url: string, variant?: string): Promise<Captured[]> => {
    const got: Captured[] = [];
    for (const accept of mediaTypes) {
      if (requests >= maxRequests) break;
      requests++;
      try {
        const res = await httpRequest({ method: 'GET', url, headers: { ...session.headers, accept }, insecure });
        log(`GET ${redactor.apply(url)} (${accept}) -> ${res.status}`);
        const c: Captured = { op, method: 'GET', url, status: res.status, contentType: String(res.headers['content-type'] ?? ''), body: res.body, ...(variant ? { variant } : {}) };
        captured.push(c);
        got.push(c);
      } catch (e) {
        summary.skipped.push({ url: redactor.apply(url), reason: (e as Error).message });
      }
    }
    return got;
  };

  try {
    // Level 0: documented GETs that need no path or required query parameter.
    const roots = index.operations.filter((op) => op.method === 'GET' && op.segments.every((s) => 'literal' in s) && !requiredQueryParams(index, op));
    const fetched = new Set<string>();
    const level0: Captured[] = [];
    for (const op of roots) {
      const url = `${baseUrl}${op.path === '/' ? '/' : op.path}`;
      fetched.add(url);
      level0.push(...(await fetchOp(op, url)));
    }
    // Level 1: links found in those bodies that lead to other documented GET operations.
    const perOp = new Map<string, number>();
    const cap = o.perOperation ?? 2;
    for (const c of level0) {
      if (c.status >= 300) continue;
      for (const href of extractLinks(c.body.toString('utf8'))) {
        let link: URL;
        try {
          link = new URL(href, baseUrl);
        } catch {
          continue;
        }
        // EM links may name the other port (9399 http vs 9398 https): keep our origin, follow the path.
        if (!link.pathname.toLowerCase().startsWith(base.pathname.toLowerCase())) continue;
        // Never follow action links (`?action=stop`): the recorder only reads.
        if ([...link.searchParams.keys()].some((k) => k.toLowerCase() === 'action')) continue;
        const url = `${base.origin}${link.pathname}${link.search}`;
        if (fetched.has(url)) continue;
        const match = matchOperation(index, 'GET', url);
        if (!match) continue;
        const rep = match.representation && match.representation !== match.operation.representations?.default ? match.representation : undefined;
        const key = `${match.operation.operationId}|${rep ?? ''}`;
        if ((perOp.get(key) ?? 0) >= cap) continue;
        perOp.set(key, (perOp.get(key) ?? 0) + 1);
        fetched.add(url);
        const variant = rep ? representationVariant(match.operation, rep) : undefined;
        await fetchOp(match.operation, url, variant);
      }
    }
  } finally {
    const problem = await logoff(session, insecure);
    if (problem) summary.warnings.push(problem);
  }

  // Hosts are collected from every body first, so one host maps to one name in every file.
  for (const c of captured) {
    redactor.collectHosts(c.url);
    redactor.collectHosts(c.body.toString('utf8'));
  }
  const used = new Set<string>();
  for (const c of captured) {
    const ext = extensionOf(c.contentType);
    if (!ext) {
      summary.skipped.push({ url: redactor.apply(c.url), reason: `not JSON or XML (${c.contentType || 'no Content-Type'}), HTTP ${c.status}` });
      continue;
    }
    const dir = path.join(o.outDir, o.product, c.op.operationId);
    const stem = `${c.status}${c.variant ? `-${c.variant}` : ''}`;
    let name = `${stem}.${ext}`;
    for (let n = 2; used.has(path.join(dir, name)); n++) name = `${stem}-${n}.${ext}`;
    const file = path.join(dir, name);
    used.add(file);
    await mkdir(dir, { recursive: true });
    await writeFile(file, redactor.apply(c.body.toString('utf8')));
    await writeFile(
      `${file}.meta.json`,
      formatSidecar({
        method: c.method,
        url: redactor.apply(c.url),
        status: c.status,
        contentType: c.contentType,
        origin: 'recorded',
        source: `recorded from ${redactor.apply(baseUrl)} on ${new Date().toISOString().slice(0, 10)}`,
      }),
    );
    summary.written.push(file);
  }
  return summary;
}

/** `?format=Entity` -> `entity`: the query value that selects the representation, as a file variant. */
function representationVariant(op: IndexedOperation, schema: string): string {
  const value = Object.entries(op.representations?.values ?? {}).find(([, s]) => s === schema)?.[0] ?? schema;
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
