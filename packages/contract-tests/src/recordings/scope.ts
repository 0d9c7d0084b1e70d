/** What a recording's place says about its API: `recordings/<product>/<version>/...` or `recordings/<product>/...`. */
import path from 'node:path';
import type { ApiInfo } from '../spec/source.js';

/** The API (or product) a recordings folder narrows to. */
export interface Scope {
  product?: string;
  /** Set when the folder after the product names one of its versions (`m365/v8/`). */
  api?: string;
  /** A version folder (`m365/v9/`) of a version the specs do not have. */
  unknownVersion?: string;
}

/** A folder name shaped like an API version (`v8`, `v8.1`), as opposed to an operationId folder. */
const VERSIONISH = /^v\d+(\.\d+)*$/i;

/**
 * The scope of a recording from its path: the nearest folder named like a product of `apis`, narrowed
 * to one API when the next folder is one of that product's versions.
 * @example scopeFromPath('recordings/m365/v8/getJob/200.json', apis) // { product: 'm365', api: 'm365@v8' }
 */
export function scopeFromPath(file: string, apis: readonly ApiInfo[]): Scope {
  const parts = path.resolve(file).split(path.sep);
  for (let i = parts.length - 2; i >= 0; i--) {
    const product = parts[i]!;
    const versions = apis.filter((a) => a.product === product);
    if (versions.length === 0) continue;
    const next = parts[i + 1];
    if (next === undefined || i + 1 === parts.length - 1) return { product };
    const api = versions.find((a) => a.version === next);
    if (api) return { product, api: api.alias };
    return VERSIONISH.test(next) ? { product, unknownVersion: `${product}@${next}` } : { product };
  }
  return {};
}
