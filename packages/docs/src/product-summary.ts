import { summarizeAuth, type AuthSummary } from './auth-flows.js';
import { clientSnippet, speaksXml } from './client-snippet.js';
import { listOperations, resolveRef, type OpenApiDoc } from './openapi.js';
import type { ApiEntry } from '@veeam-rest/spec-registry';

/** Everything the index page shows about one API, derived from its bundled spec. */
export interface ProductSummary {
  slug: string;
  alias: string;
  /** API version from the registry alias (`v1`). */
  apiVersion: string;
  title: string;
  /** `info.version` of the spec. */
  specVersion: string;
  summary?: string;
  servers: { url: string; description?: string }[];
  mediaTypes: string[];
  xml: boolean;
  operationCount: number;
  auth: AuthSummary;
  snippet: string;
  /** Site-relative links: reference page and bundled spec downloads. */
  links: { reference: string; json: string; yaml: string };
}

/** Summarizes one bundled API for the index page. */
export function summarizeProduct(api: ApiEntry, doc: OpenApiDoc): ProductSummary {
  const operations = listOperations(doc);
  const mediaTypes = new Set<string>();
  for (const { operation } of operations) {
    for (const r of Object.values(operation.responses ?? {})) for (const m of Object.keys(resolveRef(doc, r).content ?? {})) mediaTypes.add(m);
  }
  const info = doc.info as OpenApiDoc['info'] & { summary?: string };
  return {
    slug: api.product,
    alias: api.alias,
    apiVersion: api.version,
    title: info.title,
    specVersion: info.version,
    ...(info.summary ? { summary: info.summary } : {}),
    servers: (doc.servers ?? []).map((s) => ({ url: s.url, ...(s.description ? { description: s.description } : {}) })),
    mediaTypes: [...mediaTypes].sort(),
    xml: speaksXml(doc),
    operationCount: operations.length,
    auth: summarizeAuth(doc),
    snippet: clientSnippet(api.product, doc),
    links: { reference: `${api.product}/index.html`, json: `${api.product}/openapi.json`, yaml: `${api.product}/openapi.yaml` },
  };
}
