// Loads every API of the registry (redocly.yaml) by bundling it through @redocly/openapi-core, so the
// repo's plugin decorators run (externalValue examples get inlined as `value`).
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

/** Finds the registry in `rootDir` and bundles every API it lists. Throws SpecError on broken specs. */
export async function loadSpecs(rootDir: string): Promise<LoadedSpec[]> {
  const configPath = path.join(rootDir, 'redocly.yaml');
  if (!existsSync(configPath)) throw new SpecError('no API registry here (expected redocly.yaml)', configPath);
  const config = await loadConfig({ configPath });
  const apis = config.resolvedConfig.apis ?? {};
  const specs: LoadedSpec[] = [];
  for (const [alias, api] of Object.entries(apis)) {
    const product = alias.split('@')[0] as Product;
    const rootFile = path.resolve(rootDir, api.root);
    if (!existsSync(rootFile)) throw new SpecError(`API ${alias}: root file does not exist`, rootFile);
    const result = await bundle({ ref: rootFile, config: config.forAlias(alias), dereference: false });
    const fatal = result.problems.find((p) => p.severity === 'error');
    if (fatal) throw problemToError(fatal);
    const doc = result.bundle.parsed as OpenApiDoc;
    if (!doc || typeof doc !== 'object' || !('openapi' in doc)) {
      throw new SpecError('not an OpenAPI document (no `openapi` field)', rootFile);
    }
    specs.push({ product, alias, rootFile, doc, xsdFiles: findXsdFiles(path.dirname(rootFile)) });
  }
  return specs;
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
