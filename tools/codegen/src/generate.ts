import path from 'node:path';
import { bundleApi, loadRegistry } from './bundle.js';
import { listApis, type ApiEntry } from './registry.js';
import { emitOperations } from './emitters/operations.js';
import { emitSchema } from './emitters/schema.js';
import { emitXml } from './emitters/xml.js';

/** Options of one generation run. */
export interface GenerateOptions {
  /** Path of the Redocly registry (redocly.yaml). */
  configPath: string;
  /** Only this product (slug or alias); all APIs when absent. */
  product?: string;
}

/** The generated files of one product: output folder and file name -> content. */
export interface ProductOutput {
  api: ApiEntry;
  /** Output folder relative to the registry folder. */
  outDir: string;
  files: Map<string, string>;
}

/** Bundles every selected spec and renders its files in memory; writes nothing. */
export async function generate(options: GenerateOptions): Promise<ProductOutput[]> {
  const configPath = path.resolve(options.configPath);
  const config = await loadRegistry(configPath);
  const outputs: ProductOutput[] = [];
  for (const api of listApis(config, configPath, options.product)) {
    const doc = await bundleApi(config, api);
    const files = new Map<string, string>([
      ['operations.gen.ts', emitOperations(doc, api.product, api.source)],
      ['schema.gen.ts', await emitSchema(doc, api.source)],
      ['xml.gen.ts', emitXml(doc, api.source)],
    ]);
    outputs.push({ api, outDir: api.outDir, files });
  }
  return outputs;
}
