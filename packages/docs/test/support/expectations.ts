import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { firstExample, isJson, isXml, listOperations, resolveRef, type MediaType, type OpenApiDoc } from '../../src/openapi.js';

/** Loads the bundled spec of one API folder (`m365/v3`) the site was built from, or explains how to build it. */
export function loadBuiltSpec(distDir: string, folder: string): OpenApiDoc {
  const file = path.join(distDir, folder, 'openapi.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm docs:build\` before the docs tests`);
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc;
}

/** The entry Redoc must render for an operation: its summary, or its method and path when it has none. */
export function expectedTitles(doc: OpenApiDoc): string[] {
  return listOperations(doc)
    .map(({ method, path: p, operation }) => operation.summary ?? `${method.toUpperCase()} ${p}`)
    .sort();
}

/** An example the page must show for one media type, and a string that identifies it in the code block. */
export interface MediaExpectation {
  mediaType: string;
  marker: string;
}

/** A response whose XML and JSON examples must both be reachable on the page. */
export interface DualMediaResponse {
  operationId: string;
  summary: string;
  status: string;
  media: MediaExpectation[];
}

function markerFor(mediaType: string, example: unknown): string | undefined {
  if (isXml(mediaType) && typeof example === 'string') {
    // The root element name: the first tag that is not a prolog, comment or doctype.
    const root = /<([A-Za-z_][\w.-]*(?::[\w.-]+)?)[\s/>]/.exec(example.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''));
    return root ? `<${root[1]}` : undefined;
  }
  if (isJson(mediaType)) {
    if (Array.isArray(example)) return '[';
    if (example && typeof example === 'object') {
      const key = Object.keys(example)[0];
      return key === undefined ? '{' : JSON.stringify(key);
    }
  }
  return undefined;
}

/**
 * For every operation, its first response that documents both an XML and a JSON example (EM), with
 * a marker for each. Operations without such a response are not listed.
 */
export function dualMediaResponses(doc: OpenApiDoc): DualMediaResponse[] {
  const out: DualMediaResponse[] = [];
  for (const { operation } of listOperations(doc)) {
    for (const [status, ref] of Object.entries(operation.responses ?? {})) {
      const response = resolveRef(doc, ref);
      const media: MediaExpectation[] = [];
      for (const [mediaType, raw] of Object.entries(response.content ?? {})) {
        const m: MediaType = {
          ...raw,
          ...(raw.examples ? { examples: Object.fromEntries(Object.entries(raw.examples).map(([k, v]) => [k, resolveRef(doc, v)])) } : {}),
        };
        const marker = markerFor(mediaType, firstExample(m));
        if (marker) media.push({ mediaType, marker });
      }
      if (media.some((m) => isXml(m.mediaType)) && media.some((m) => isJson(m.mediaType))) {
        out.push({ operationId: operation.operationId ?? '', summary: operation.summary ?? '', status, media });
        break;
      }
    }
  }
  return out;
}
