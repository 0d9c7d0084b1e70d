import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiEntry } from '@veeam-rest/spec-registry';

/**
 * The module a user imports the generated client of one API from: the package that holds the API's
 * generated folder (`x-openapi-ts.output`), with the version's subpath when its `exports` has one
 * (`@veeam-rest/m365/v3`), else the package root (`@veeam-rest/enterprise-manager`). Without a
 * generated package: `@veeam-rest/<product>`.
 */
export function clientImport(api: ApiEntry): string {
  const pkg = packageOf(api);
  if (!pkg?.json.name) return `@veeam-rest/${api.product}`;
  return hasSubpath(pkg.json, api.version) ? `${pkg.json.name}/${api.version}` : pkg.json.name;
}

/**
 * Whether the package root (`@veeam-rest/m365`) is this API version's client: the version has no subpath
 * of its own (a single-version package), or the package's `src/index.ts` re-exports the version's
 * entry point (`export * from './v3.js'`). Undefined without a generated package.
 */
export function isPackageRoot(api: ApiEntry): boolean | undefined {
  const pkg = packageOf(api);
  if (!pkg?.json.name) return undefined;
  if (!hasSubpath(pkg.json, api.version)) return true;
  const index = path.join(pkg.dir, 'src', 'index.ts');
  if (!existsSync(index)) return false;
  const reexported = [...readFileSync(index, 'utf8').matchAll(/^export \* from '\.\/([^']+)\.js';$/gm)].map((m) => m[1]);
  return reexported.includes(api.version);
}

interface PackageJson {
  name?: string;
  exports?: unknown;
}

function hasSubpath(pkg: PackageJson, version: string): boolean {
  const exports = pkg.exports && typeof pkg.exports === 'object' ? (pkg.exports as Record<string, unknown>) : {};
  return `./${version}` in exports;
}

/** The package holding the API's generated folder, or undefined when it has none. */
function packageOf(api: ApiEntry): { dir: string; json: PackageJson } | undefined {
  return api.output === undefined ? undefined : owningPackage(path.dirname(api.output));
}

/** The nearest package.json at or above `dir`. */
function owningPackage(dir: string): { dir: string; json: PackageJson } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (existsSync(file)) return { dir: d, json: JSON.parse(readFileSync(file, 'utf8')) as PackageJson };
    if (path.dirname(d) === d) return undefined;
  }
}
