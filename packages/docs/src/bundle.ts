import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiEntry, Registry } from '@veeam-rest/spec-registry';
import { stringify } from 'yaml';
import type { OpenApiDoc } from './openapi.js';

/** Files written for one bundled API. */
export interface BundledApi {
  doc: OpenApiDoc;
  jsonFile: string;
  yamlFile: string;
}

/**
 * Bundles one registry API (the registry's bundler runs the veeam decorator, so `externalValue`
 * examples are inlined) and writes `<outDir>/openapi.json` and `openapi.yaml` for download.
 * @throws RegistryError naming the file, line:col and pointer of each problem
 */
export async function bundleApi(registry: Registry, api: ApiEntry, outDir: string): Promise<BundledApi> {
  const { doc } = await registry.bundle<OpenApiDoc>(api);
  mkdirSync(outDir, { recursive: true });
  const jsonFile = path.join(outDir, 'openapi.json');
  const yamlFile = path.join(outDir, 'openapi.yaml');
  // Pretty, stable JSON and YAML of the same document.
  writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(yamlFile, stringify(doc, { lineWidth: 0 }));
  return { doc, jsonFile, yamlFile };
}
