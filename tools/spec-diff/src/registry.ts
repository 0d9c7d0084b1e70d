// The APIs of one tree (redocly.yaml `apis:`) and their bundles, through @redocly/openapi-core so the
// repo's plugin decorators run exactly as for codegen and the contract checks. packages/spec-registry
// (one registry/bundler module) is not on main yet; switch to it when it lands.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundle, getLineColLocation, loadConfig, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecDiffError } from './errors.js';

/** One API of a tree's registry. */
export interface RegisteredApi {
  /** Redocly alias, `<product>@<version>` (e.g. `m365@v3`). */
  alias: string;
  /** The product slug before `@`; its package is `@veeam-rest/<product>`. */
  product: string;
  /** Absolute path of the root file. */
  rootFile: string;
}

/** A tree's registry: its APIs and a bundler for each. */
export interface TreeRegistry {
  /** Where the tree is (the repo root or the base checkout). */
  dir: string;
  apis: RegisteredApi[];
  /** Bundles one API (refs kept local, examples inlined by the plugin). */
  bundle(api: RegisteredApi): Promise<Record<string, any>>;
  /** The XSD files beside an API's root file (`xsd/*.xsd`), by file name, with their text. */
  xsds(api: RegisteredApi): Map<string, string>;
}

/**
 * Reads `dir/redocly.yaml`. A tree without one (e.g. a base older than the registry) has no APIs.
 * @param label names the tree in messages (`base`, `working tree`)
 */
export async function loadTree(dir: string, label: string): Promise<TreeRegistry> {
  const configPath = path.join(dir, 'redocly.yaml');
  let config: Config | undefined;
  if (existsSync(configPath)) {
    try {
      config = await loadConfig({ configPath });
    } catch (e) {
      throw new SpecDiffError(`${label}: redocly.yaml cannot be loaded: ${(e as Error).message}`);
    }
  }
  const apis = Object.entries(config?.resolvedConfig.apis ?? {})
    .map(([alias, api]) => ({ alias, product: alias.split('@')[0]!, rootFile: path.resolve(dir, (api as { root: string }).root) }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
  return {
    dir,
    apis,
    async bundle(api) {
      if (!existsSync(api.rootFile)) throw new SpecDiffError(`${label}: API ${api.alias}: root file ${path.relative(dir, api.rootFile)} does not exist`);
      const result = await bundle({ ref: api.rootFile, config: config!.forAlias(api.alias), dereference: false });
      const fatal = result.problems.find((p) => p.severity === 'error' && !p.ignored);
      if (fatal) throw new SpecDiffError(`${label}: API ${api.alias}: ${describeProblem(fatal, dir)}`);
      return result.bundle.parsed as Record<string, any>;
    },
    xsds(api) {
      const xsdDir = path.join(path.dirname(api.rootFile), 'xsd');
      const files = existsSync(xsdDir) ? readdirSync(xsdDir).filter((f) => f.endsWith('.xsd')).sort() : [];
      return new Map(files.map((f) => [f, readFileSync(path.join(xsdDir, f), 'utf8')]));
    },
  };
}

function describeProblem(p: NormalizedProblem, dir: string): string {
  const loc = p.location[0];
  if (!loc) return p.message;
  let where = path.relative(dir, loc.source.absoluteRef);
  try {
    const lc = getLineColLocation(loc);
    where += `:${lc.start.line}:${lc.start.col}`;
  } catch {
    if (loc.pointer) where += ` ${loc.pointer}`;
  }
  return `${where}: ${p.message}`;
}
