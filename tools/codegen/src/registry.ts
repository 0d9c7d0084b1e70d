import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import { SpecError } from './errors.js';

/** One API of the registry (`apis:` in redocly.yaml) with the paths the generator needs. */
export interface ApiEntry {
  /** Redocly alias, e.g. `enterprise-manager@v1`. */
  readonly alias: string;
  /** Product slug: the alias before `@`. */
  readonly product: string;
  /** Absolute path of the spec root file. */
  readonly root: string;
  /** Spec location relative to the registry folder, for headers (`specs/m365/v3`). */
  readonly source: string;
  /** Output folder relative to the registry folder (`packages/m365/src/generated`). */
  readonly outDir: string;
}

/** Lists the APIs of a loaded Redocly config, sorted by alias; `only` keeps one product. */
export function listApis(config: Config, configPath: string, only?: string): ApiEntry[] {
  const dir = path.dirname(configPath);
  const apis = config.resolvedConfig.apis ?? {};
  const entries: ApiEntry[] = [];
  for (const alias of Object.keys(apis).sort()) {
    const api = apis[alias] as { root?: unknown; 'x-openapi-ts'?: { output?: unknown } };
    const output = api['x-openapi-ts']?.output;
    if (typeof api.root !== 'string' || typeof output !== 'string') {
      throw new SpecError([`${configPath} #/apis/${alias}: expected "root" and "x-openapi-ts.output" strings`]);
    }
    const relRoot = path.relative(dir, path.resolve(dir, api.root)).split(path.sep).join('/');
    entries.push({
      alias,
      product: alias.split('@')[0]!,
      root: path.resolve(dir, api.root),
      source: path.posix.basename(relRoot) === 'openapi.yaml' ? path.posix.dirname(relRoot) : relRoot,
      outDir: path.posix.dirname(path.relative(dir, path.resolve(dir, output)).split(path.sep).join('/')),
    });
  }
  if (only !== undefined) {
    const picked = entries.filter((e) => e.product === only || e.alias === only);
    if (picked.length === 0) {
      throw new SpecError([`${configPath}: no API "${only}" under apis (have: ${entries.map((e) => e.product).join(', ')})`]);
    }
    return picked;
  }
  return entries;
}
