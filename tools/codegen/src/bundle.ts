import path from 'node:path';
import { bundle, getLineColLocation, loadConfig, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecError } from './errors.js';
import type { ApiEntry } from './registry.js';
import type { OpenApiDoc } from './openapi.js';

/** Loads the Redocly registry; a broken file is a SpecError naming it. */
export async function loadRegistry(configPath: string): Promise<Config> {
  try {
    return await loadConfig({ configPath });
  } catch (e) {
    throw new SpecError([`${configPath}: cannot load the Redocly config: ${(e as Error).message}`]);
  }
}

/**
 * Bundles one API with its alias config, so decorators (the externalValue inliner) run as in
 * `redocly bundle`. Errors (unresolved $ref, YAML syntax, missing example files) become a SpecError.
 */
export async function bundleApi(config: Config, api: ApiEntry): Promise<OpenApiDoc> {
  let result;
  try {
    result = await bundle({ ref: api.root, config: config.forAlias(api.alias), dereference: false });
  } catch (e) {
    throw new SpecError([`${rel(api.root)}: ${(e as Error).message}`]);
  }
  const errors = result.problems.filter((p) => p.severity === 'error' && !p.ignored);
  if (errors.length > 0) throw new SpecError(errors.map(describeProblem));
  const parsed = result.bundle.parsed as OpenApiDoc | undefined;
  if (parsed === undefined || typeof parsed !== 'object' || typeof parsed.openapi !== 'string') {
    throw new SpecError([`${rel(api.root)}: not an OpenAPI document (no "openapi" field)`]);
  }
  return parsed;
}

/** `file:line:col #/pointer: message` for one Redocly problem. */
function describeProblem(problem: NormalizedProblem): string {
  const loc = problem.location[0];
  if (loc === undefined) return problem.message;
  let where = rel(loc.source.absoluteRef);
  try {
    const { start } = getLineColLocation(loc);
    where += `:${start.line}:${start.col}`;
  } catch {
    // the position is a nicety; the pointer below still names the place
  }
  return `${where} ${loc.pointer ?? "#"}: ${problem.message}`;
}

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r.startsWith('..') ? file : r;
}
