/**
 * @veeam-rest/spec-registry: the one reader of the API registry (`redocly.yaml`) that codegen, the docs,
 * the spec checks and the contract tests share.
 * @example
 * import { openRegistry } from '@veeam-rest/spec-registry';
 * const registry = await openRegistry({ rootDir: '/path/to/veeam-rest' });
 * for (const api of registry.apis) {
 *   const { doc, xsdFiles } = await registry.bundle(api); // throws RegistryError "file:line:col: message (#/pointer)"
 *   console.log(api.alias, api.product, api.version, Object.keys(doc.paths ?? {}).length, xsdFiles);
 * }
 */
export { openRegistry, type ApiEntry, type Registry, type RegistryOptions } from './registry.js';
export { bundleApi, type BundledApi, type OpenApiDocument } from './bundle.js';
export { RegistryError, formatProblem, displayPath, pointerToken, type RegistryProblem } from './errors.js';
export { fromRedoclyProblem, fromThrown } from './problems.js';
export { findRepoRoot, requireRepoRoot, REGISTRY_FILE } from './root.js';
export { ALIAS, compareVersions, parseAlias, sortApis } from './order.js';
export { findXsdFiles, xsdTargetNamespace } from './xsd.js';
export { serverBasePath, serversOfDocument, type ApiServers, type ServerOverride } from './servers.js';
export { readServers } from './read-servers.js';
