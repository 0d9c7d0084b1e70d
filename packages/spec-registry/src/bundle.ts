import { existsSync } from 'node:fs';
import { bundle, type Config } from '@redocly/openapi-core';
import { RegistryError, type RegistryProblem } from './errors.js';
import { fromRedoclyProblem, fromThrown } from './problems.js';
import type { ApiEntry } from './registry.js';
import { findXsdFiles } from './xsd.js';

/** The parts of a bundled OpenAPI document every consumer reads; the rest passes through. */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string; [key: string]: unknown };
  servers?: { url: string; description?: string; variables?: Record<string, { default: string; enum?: string[] }> }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown> | undefined>;
  [key: string]: unknown;
}

/** One bundled API of the registry. */
export interface BundledApi<D extends object = OpenApiDocument> {
  api: ApiEntry;
  /** The bundled document: local `#/components/...` refs kept, `externalValue` examples inlined as `value`. */
  doc: D;
  /** XSD files beside the spec (`<specDir>/xsd/*.xsd`), absolute, sorted. */
  xsdFiles: string[];
}

/**
 * Bundles one API with its alias config, so the repo plugin's decorators run as in `redocly bundle`
 * (externalValue examples inlined). Error-level problems (unresolved `$ref`, YAML syntax, a missing or
 * unparsable example file) become one RegistryError listing each as `file:line:col: message (#/pointer)`.
 * @param missingRoot the problem to report when the root file does not exist (placed at the registry entry)
 */
export async function bundleApi<D extends object = OpenApiDocument>(
  config: Config,
  api: ApiEntry,
  root: string,
  missingRoot: () => RegistryProblem,
): Promise<BundledApi<D>> {
  if (!existsSync(api.rootFile)) throw new RegistryError(missingRoot(), root);
  let result;
  try {
    result = await bundle({ ref: api.rootFile, config: config.forAlias(api.alias), dereference: false });
  } catch (e) {
    // Redocly 2 throws "Unsupported specification" for a root without `openapi`/`swagger`.
    const problem = /unsupported specification/i.test((e as Error).message)
      ? { file: api.rootFile, line: 1, col: 1, message: 'not an OpenAPI document (no `openapi` field)' }
      : fromThrown(e, api.rootFile);
    throw new RegistryError(problem, root);
  }
  const errors = result.problems.filter((p) => p.severity === 'error' && !p.ignored);
  if (errors.length > 0) throw new RegistryError(errors.map((p) => fromRedoclyProblem(p, root)), root);
  const doc = result.bundle.parsed as D | undefined;
  if (doc === undefined || doc === null || typeof doc !== 'object' || typeof (doc as { openapi?: unknown }).openapi !== 'string') {
    throw new RegistryError({ file: api.rootFile, line: 1, col: 1, message: 'not an OpenAPI document (no `openapi` field)' }, root);
  }
  return { api, doc, xsdFiles: findXsdFiles(api.specDir) };
}
