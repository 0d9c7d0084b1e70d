import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openRegistry, RegistryError } from '@veeam-rest/spec-registry';
import { bundleApi } from './bundle.js';
import { DocsError } from './errors.js';
import { byProduct, renderIndexPage } from './index-page.js';
import { renderProductPage } from './product-page.js';
import { apiFolder, summarizeProduct, type ProductSummary } from './product-summary.js';
import { buildReferencePage } from './reference-page.js';

/** Options of {@link buildSite}. */
export interface BuildOptions {
  /** Repository root holding `redocly.yaml`. */
  rootDir: string;
  /** Registry file name inside `rootDir`. @default 'redocly.yaml' */
  configFile?: string;
  /** Output folder; emptied first. */
  outDir: string;
  /** Build only these registry aliases (or products: every version); all of them by default. */
  only?: string[];
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

/** Identifies the tools in the index page's `<meta name="generator">`. */
function generatorName(): string {
  const require = createRequire(import.meta.url);
  const cli = JSON.parse(readFileSync(require.resolve('@redocly/cli/package.json'), 'utf8')) as { version: string };
  return `@veeam-rest/docs with @redocly/cli ${cli.version}`;
}

/**
 * Builds the static site: for every registry API `<product>/<version>/openapi.{json,yaml}` (bundled,
 * examples inlined) and `<product>/<version>/index.html` (Redoc, no network), for every product
 * `<product>/index.html` (its versions), then `index.html` listing every product with its versions.
 * Every API is attempted; failures are reported together in one {@link DocsError}.
 */
export async function buildSite(options: BuildOptions): Promise<ProductSummary[]> {
  const log = options.log ?? (() => {});
  const registry = await openRegistry({ rootDir: options.rootDir, ...(options.configFile ? { configFile: options.configFile } : {}) });
  const apis = registry.select(options.only);
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });

  const products: ProductSummary[] = [];
  const failures: string[] = [];
  for (const api of apis) {
    const dir = path.join(options.outDir, ...apiFolder(api).split('/'));
    try {
      const bundled = await bundleApi(registry, api, dir);
      await buildReferencePage(bundled.jsonFile, dir, `${bundled.doc.info.title} (${api.version}) reference`, options.rootDir);
      const summary = summarizeProduct(api, bundled.doc);
      products.push(summary);
      log(`${api.alias}: ${summary.operationCount} operations -> ${path.relative(process.cwd(), dir)}/`);
    } catch (e) {
      if (!(e instanceof DocsError) && !(e instanceof RegistryError)) throw e;
      failures.push(`${api.alias}: ${e.message}`);
    }
  }
  if (failures.length) throw new DocsError(`docs build failed for ${failures.length} of ${apis.length} APIs:\n\n${failures.join('\n\n')}`);
  const generator = generatorName();
  for (const [slug, versions] of byProduct(products)) {
    writeFileSync(path.join(options.outDir, slug, 'index.html'), renderProductPage(slug, versions, generator));
  }
  writeFileSync(path.join(options.outDir, 'index.html'), renderIndexPage(products, generator));
  log(`index -> ${path.relative(process.cwd(), path.join(options.outDir, 'index.html'))}`);
  return products;
}
