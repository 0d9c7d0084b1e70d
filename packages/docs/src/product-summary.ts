import { summarizeAuth, type AuthSummary } from './auth-flows.js';
import { clientSnippet, speaksXml } from './client-snippet.js';
import { clientImport, isPackageRoot } from './client-import.js';
import { listOperations, resolveRef, type OpenApiDoc } from './openapi.js';
import type { ApiEntry } from '@veeam-rest/spec-registry';

/** Everything the index page shows about one API version, derived from its bundled spec. */
export interface ProductSummary {
  /** Product slug (`m365`). */
  slug: string;
  alias: string;
  /** API version from the registry alias (`v3`). */
  apiVersion: string;
  /** The module the snippet imports the client from (`@veeam-rest/m365/v3`). */
  clientModule: string;
  /** Whether the package root (`@veeam-rest/m365`) is this version's client; undefined without a package. */
  packageRoot?: boolean;
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
  /** Site-relative links: reference page and bundled spec downloads (`<product>/<version>/...`). */
  links: { reference: string; json: string; yaml: string };
}

/** The site folder of one API version, relative to the site root: `<product>/<version>`. */
export function apiFolder(api: Pick<ApiEntry, 'product' | 'version'>): string {
  return `${api.product}/${api.version}`;
}

/** Summarizes one bundled API version for the index page. */
export function summarizeProduct(api: ApiEntry, doc: OpenApiDoc): ProductSummary {
  const operations = listOperations(doc);
  const mediaTypes = new Set<string>();
  for (const { operation } of operations) {
    for (const r of Object.values(operation.responses ?? {})) for (const m of Object.keys(resolveRef(doc, r).content ?? {})) mediaTypes.add(m);
  }
  const info = doc.info as OpenApiDoc['info'] & { summary?: string };
  const folder = apiFolder(api);
  const clientModule = clientImport(api);
  const packageRoot = isPackageRoot(api);
  return {
    slug: api.product,
    alias: api.alias,
    apiVersion: api.version,
    clientModule,
    ...(packageRoot === undefined ? {} : { packageRoot }),
    title: info.title,
    specVersion: info.version,
    ...(info.summary ? { summary: info.summary } : {}),
    servers: (doc.servers ?? []).map((s) => ({ url: s.url, ...(s.description ? { description: s.description } : {}) })),
    mediaTypes: [...mediaTypes].sort(),
    xml: speaksXml(doc),
    operationCount: operations.length,
    auth: summarizeAuth(doc),
    snippet: clientSnippet(clientModule, doc),
    links: { reference: `${folder}/index.html`, json: `${folder}/openapi.json`, yaml: `${folder}/openapi.yaml` },
  };
}
