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
  const pkg = api.output === undefined ? undefined : owningPackage(path.dirname(api.output));
  if (!pkg?.name) return `@veeam-rest/${api.product}`;
  const exports = pkg.exports && typeof pkg.exports === 'object' ? (pkg.exports as Record<string, unknown>) : {};
  return `./${api.version}` in exports ? `${pkg.name}/${api.version}` : pkg.name;
}

/** The nearest package.json at or above `dir`. */
function owningPackage(dir: string): { name?: string; exports?: unknown } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { name?: string; exports?: unknown };
    if (path.dirname(d) === d) return undefined;
  }
}
