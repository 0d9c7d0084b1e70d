import path from 'node:path';
import { openRegistry, pointerToken, RegistryError, type ApiEntry, type Registry } from '@veeam-rest/spec-registry';
import { emitOperations } from './emitters/operations.js';
import { emitSchema } from './emitters/schema.js';
import { emitXml } from './emitters/xml.js';
import type { OpenApiDoc } from './openapi.js';

/** Options of one generation run. */
export interface GenerateOptions {
  /** Path of the Redocly registry (redocly.yaml). */
  configPath: string;
  /** Only these APIs: aliases (`m365@v8`) or products (`m365`, every version); all APIs when absent. */
  product?: string | readonly string[];
}

/** The generated files of one API: where they go and file name -> content. */
export interface ProductOutput {
  api: ApiEntry;
  /** Spec location relative to the registry folder, for file headers (`specs/m365/v3`). */
  source: string;
  /** Output folder relative to the registry folder: the folder of `x-openapi-ts.output` (`packages/m365/src/generated/v3`). */
  outDir: string;
  files: Map<string, string>;
}

/** Bundles every selected API and renders its files in memory; writes nothing. */
export async function generate(options: GenerateOptions): Promise<ProductOutput[]> {
  const registry = await openRegistry({ configFile: path.resolve(options.configPath) });
  const names = options.product === undefined ? undefined : typeof options.product === 'string' ? [options.product] : options.product;
  const outputs: ProductOutput[] = [];
  for (const api of registry.select(names)) {
    const outDir = outputFolder(registry, api);
    const { doc } = await registry.bundle<OpenApiDoc>(api);
    const source = specSource(registry.rootDir, api.rootFile);
    const files = new Map<string, string>([
      ['operations.gen.ts', emitOperations(doc, api.product, source)],
      ['schema.gen.ts', await emitSchema(doc, source)],
      ['xml.gen.ts', emitXml(doc, source)],
    ]);
    outputs.push({ api, source, outDir, files });
  }
  return outputs;
}

/** The API's output folder relative to the registry folder; an API without `x-openapi-ts.output` is an error at its entry. */
function outputFolder(registry: Registry, api: ApiEntry): string {
  if (api.output === undefined) {
    const pointer = `#/apis/${pointerToken(api.alias)}`;
    throw new RegistryError(
      { file: registry.configPath, ...registry.locate(pointer, true), pointer, message: `${api.alias}: no "x-openapi-ts.output": codegen needs the generated schema file's path (packages/<product>/src/generated/<version>/schema.gen.ts)` },
      registry.rootDir,
    );
  }
  return posix(path.relative(registry.rootDir, path.dirname(api.output)));
}

/** `specs/m365/v3` for `specs/m365/v3/openapi.yaml`; a root with another name stays a file (`em-xml.yaml`). */
function specSource(rootDir: string, rootFile: string): string {
  const rel = posix(path.relative(rootDir, rootFile));
  return path.posix.basename(rel) === 'openapi.yaml' ? path.posix.dirname(rel) : rel;
}

const posix = (p: string): string => p.split(path.sep).join('/');
