import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DocsError } from './errors.js';
import type { OpenApiDoc } from './openapi.js';
import type { ApiEntry } from './registry.js';
import { runRedocly } from './redocly.js';

/** Files written for one bundled API. */
export interface BundledApi {
  doc: OpenApiDoc;
  jsonFile: string;
  yamlFile: string;
}

/**
 * Bundles one registry API with the root config (so the veeam decorator inlines `externalValue`
 * examples) and writes `<outDir>/openapi.json` and `openapi.yaml` for download.
 */
export async function bundleApi(api: ApiEntry, rootDir: string, outDir: string, configFile = 'redocly.yaml'): Promise<BundledApi> {
  if (!existsSync(api.root)) {
    throw new DocsError(`${configFile} lists ${api.alias} with root ${path.relative(rootDir, api.root)}, which does not exist`);
  }
  mkdirSync(outDir, { recursive: true });
  const jsonFile = path.join(outDir, 'openapi.json');
  const yamlFile = path.join(outDir, 'openapi.yaml');
  await runRedocly(['bundle', api.alias, '--config', configFile, '--output', jsonFile], rootDir, `bundling ${api.alias}`);
  const doc = JSON.parse(readFileSync(jsonFile, 'utf8')) as OpenApiDoc;
  // Pretty, stable JSON (the CLI's own formatting may change between versions).
  writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(yamlFile, stringify(doc, { lineWidth: 0 }));
  return { doc, jsonFile, yamlFile };
}
