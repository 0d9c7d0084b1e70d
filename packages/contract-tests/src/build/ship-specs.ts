// Build step (`pnpm build`, after tsc): bundles every API of the checkout's registry, examples inlined,
// into `dist/specs/<product>/<version>/openapi.json`, copies its XSDs beside it, and writes
// `dist/specs/index.json`. The published package validates against these, so it works in any folder.
// A spec that does not bundle fails the build with its file:line:col: a package never ships a broken API.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRegistry, RegistryError, requireRepoRoot, serversOfDocument } from '@veeam-rest/spec-registry';
import { packageDir } from '../recordings/paths.js';
import { MANIFEST_FORMAT, type Manifest, type ShippedApi } from '../spec/manifest.js';
import { shippedSpecsDir } from '../spec/shipped.js';

/**
 * Writes the shipped specs of the registry at `rootDir` into `outDir` (emptied first).
 * @returns the index written
 * @throws RegistryError listing every API that does not bundle
 */
export async function shipSpecs(rootDir: string, outDir: string): Promise<Manifest> {
  const registry = await openRegistry({ rootDir });
  rmSync(outDir, { recursive: true, force: true });
  const apis: ShippedApi[] = [];
  const failures: RegistryError[] = [];
  for (const api of registry.apis) {
    try {
      const { doc, xsdFiles } = await registry.bundle(api);
      const folder = `${api.product}/${api.version}`;
      mkdirSync(path.join(outDir, folder), { recursive: true });
      writeFileSync(path.join(outDir, folder, 'openapi.json'), `${JSON.stringify(doc)}\n`);
      const xsd: string[] = [];
      for (const file of xsdFiles) {
        const rel = `${folder}/xsd/${path.basename(file)}`;
        mkdirSync(path.join(outDir, folder, 'xsd'), { recursive: true });
        copyFileSync(file, path.join(outDir, ...rel.split('/')));
        xsd.push(rel);
      }
      apis.push({ alias: api.alias, product: api.product, version: api.version, spec: `${folder}/openapi.json`, xsd, servers: serversOfDocument(doc) });
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      failures.push(e);
    }
  }
  if (failures.length > 0) throw new RegistryError(failures.flatMap((f) => f.problems), registry.rootDir);
  const manifest: Manifest = { format: MANIFEST_FORMAT, source: path.relative(registry.rootDir, registry.configPath).split(path.sep).join('/'), apis };
  writeFileSync(path.join(outDir, 'index.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// Run as a script (package.json `build`): the checkout this package lives in, into dist/specs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const manifest = await shipSpecs(requireRepoRoot(packageDir), shippedSpecsDir);
    process.stdout.write(`ship-specs: ${manifest.apis.map((a) => a.alias).join(', ')} -> ${path.relative(process.cwd(), shippedSpecsDir)}\n`);
  } catch (e) {
    if (!(e instanceof RegistryError)) throw e;
    process.stderr.write(`ship-specs: the specs do not bundle, nothing shipped:\n${e.message}\n`);
    process.exitCode = 1;
  }
}
