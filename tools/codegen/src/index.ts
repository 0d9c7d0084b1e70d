/**
 * @veeam-rest/codegen: spec -> `packages/<product>/src/generated/*.gen.ts`.
 * @example
 * const outputs = await generate({ configPath: 'redocly.yaml' });
 * const drift = findDrift(outputs, process.cwd());
 */
export { generate, type GenerateOptions, type ProductOutput } from './generate.js';
export { findDrift, firstDifference, writeOutputs, type Drift } from './check.js';
export { SpecError } from './errors.js';
export { listApis, type ApiEntry } from './registry.js';
export { buildOperations, buildSpecFacts, basePath, candidates, emitOperations } from './emitters/operations.js';
export { buildXmlMapping, emitXml, hasXml } from './emitters/xml.js';
export { emitSchema } from './emitters/schema.js';
export { openSetValues, transform } from './transform.js';
