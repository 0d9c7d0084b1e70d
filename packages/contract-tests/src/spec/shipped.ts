// The specs shipped in this package (`dist/specs`, written by `pnpm build`): every API of the registry,
// bundled with examples inlined, and the XSDs. Reading them needs no checkout and no Redocly.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageDir } from '../recordings/paths.js';
import { SpecError } from './errors.js';
import type { OpenApiDoc } from './load.js';
import { checkManifest } from './manifest.js';
import type { SpecSource } from './source.js';

/** `<package>/dist/specs`: where the build writes the shipped specs. */
export const shippedSpecsDir = path.join(packageDir, 'dist', 'specs');

/**
 * Opens the shipped specs under `dir` (its `index.json`); each bundle is read on first use.
 * @throws SpecError when the index is missing or malformed
 */
export async function openShipped(dir: string): Promise<SpecSource> {
  const indexFile = path.join(dir, 'index.json');
  if (!existsSync(indexFile)) {
    throw new SpecError('no shipped specs: build the package (pnpm build), or pass rootDir / --root with a checkout holding redocly.yaml', indexFile);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(indexFile, 'utf8'));
  } catch (e) {
    throw new SpecError(`shipped spec index is not JSON (${(e as Error).message}); rebuild the package (pnpm build)`, indexFile);
  }
  const manifest = checkManifest(raw, indexFile);
  const byAlias = new Map(manifest.apis.map((a) => [a.alias, a]));
  const resolve = (rel: string) => path.resolve(dir, ...rel.split('/'));
  return {
    origin: indexFile,
    apis: manifest.apis.map(({ alias, product, version }) => ({ alias, product, version })),
    servers: (alias) => byAlias.get(alias)?.servers,
    async load(alias) {
      const api = byAlias.get(alias);
      if (!api) throw new SpecError(`no API "${alias}" among the shipped specs`, indexFile);
      const file = resolve(api.spec);
      let doc: OpenApiDoc;
      try {
        doc = JSON.parse(await readFile(file, 'utf8')) as OpenApiDoc;
      } catch (e) {
        throw new SpecError(`shipped bundle of ${alias} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); rebuild the package (pnpm build)`, file);
      }
      return { product: api.product, alias, version: api.version, rootFile: file, doc, xsdFiles: api.xsd.map(resolve) };
    },
  };
}
