// Loads the APIs of the registry (redocly.yaml) by bundling them through @redocly/openapi-core, so the
// repo's plugin decorators run (externalValue examples get inlined as `value`). One API at a time: a
// broken spec of one product must not stop the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundle, getLineColLocation, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecError } from './errors.js';
import type { Product } from '../types.js';

/** One bundled API document plus where it came from. */
export interface LoadedSpec {
  product: Product;
  /** Redocly alias, e.g. `enterprise-manager@v1`. */
  alias: string;
  /** Absolute path of the root `openapi.yaml`. */
  rootFile: string;
  /** The bundled document (local `#/components/...` refs kept). */
  doc: OpenApiDoc;
  /** XSD files beside the spec (`<spec dir>/xsd/*.xsd`), absolute paths. */
  xsdFiles: string[];
}

/** The parts of an OpenAPI 3.1 document this package reads. */
export interface OpenApiDoc {
  openapi: string;
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, unknown> };
  [ext: `x-${string}`]: unknown;
}

/** A JSON Schema (OpenAPI 3.1 dialect) node. */
export type Schema = Record<string, any>;

/** Turns the first error-level problem of a bundle run into a SpecError naming file and line:column. */
export function problemToError(p: NormalizedProblem): SpecError {
  const loc = p.location[0];
  if (!loc) return new SpecError(p.message);
  const pointer = loc.pointer ? (loc.pointer.startsWith('#') ? loc.pointer : `#${loc.pointer}`) : undefined;
  let position = pointer;
  try {
    const lc = getLineColLocation(loc);
    position = `${lc.start.line}:${lc.start.col}${pointer ? ` (${pointer})` : ''}`;
  } catch {
    // No AST for this source (e.g. the file could not be read): keep the pointer.
  }
  return new SpecError(p.message, loc.source.absoluteRef, position);
}

/** One API of the registry, not bundled yet. */
export interface RegisteredApi {
  product: Product;
  /** Redocly alias, e.g. `enterprise-manager@v1`. */
  alias: string;
  /** Absolute path of the root `openapi.yaml`. */
  rootFile: string;
}

/** The registry (`redocly.yaml`) of a repo: its APIs, and a bundler for each one. */
export interface Registry {
  apis: RegisteredApi[];
  /** Bundles one API (plugin decorators included). Throws SpecError naming the file and position. */
  bundle(api: RegisteredApi): Promise<LoadedSpec>;
}

/** Reads `rootDir/redocly.yaml` without bundling any API (a broken spec cannot fail this). */
export async function loadRegistry(rootDir: string): Promise<Registry> {
  const configPath = path.join(rootDir, 'redocly.yaml');
  if (!existsSync(configPath)) throw new SpecError('no API registry here (expected redocly.yaml)', configPath);
  const config = await loadConfig({ configPath });
  const apis = Object.entries(config.resolvedConfig.apis ?? {}).map(([alias, api]) => ({
    product: alias.split('@')[0] as Product,
    alias,
    rootFile: path.resolve(rootDir, api.root),
  }));
  return {
    apis,
    async bundle({ product, alias, rootFile }) {
      if (!existsSync(rootFile)) throw new SpecError(`API ${alias}: root file does not exist`, rootFile);
      const result = await bundle({ ref: rootFile, config: config.forAlias(alias), dereference: false });
      const fatal = result.problems.find((p) => p.severity === 'error');
      if (fatal) throw problemToError(fatal);
      const doc = result.bundle.parsed as OpenApiDoc;
      if (!doc || typeof doc !== 'object' || !('openapi' in doc)) {
        throw new SpecError('not an OpenAPI document (no `openapi` field)', rootFile);
      }
      return { product, alias, rootFile, doc, xsdFiles: findXsdFiles(path.dirname(rootFile)) };
    },
  };
}

/** Finds the registry in `rootDir` and bundles every API it lists. Throws SpecError on broken specs. */
export async function loadSpecs(rootDir: string): Promise<LoadedSpec[]> {
  const registry = await loadRegistry(rootDir);
  const specs: LoadedSpec[] = [];
  for (const api of registry.apis) specs.push(await registry.bundle(api));
  return specs;
}

/**
 * Bundles only `product`'s API, so another product's broken spec cannot get in the way.
 * @throws SpecError when the product is not registered or its spec is broken
 */
export async function loadSpec(rootDir: string, product: Product): Promise<LoadedSpec> {
  const registry = await loadRegistry(rootDir);
  const api = registry.apis.find((a) => a.product === product);
  if (!api) throw new SpecError(`no API for product "${product}" in the registry (has: ${registry.apis.map((a) => a.product).join(', ') || 'none'})`, path.join(rootDir, 'redocly.yaml'));
  return registry.bundle(api);
}

function findXsdFiles(specDir: string): string[] {
  const dir = path.join(specDir, 'xsd');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads `targetNamespace` of an XSD without a full parse (the root element's attribute). */
export function xsdTargetNamespace(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  return /<(?:\w+:)?schema\b[^>]*\btargetNamespace\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
}
