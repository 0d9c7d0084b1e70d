/**
 * `@veeam-rest/spec-registry/lite`: the parts that load no Redocly (about 1.5 s of start-up), for tools
 * that work from already bundled specs: the error class, the alias grammar and version order, and
 * where a bundled document is served, and where the repository root is.
 */
export { RegistryError, formatProblem, displayPath, pointerToken, type RegistryProblem } from './errors.js';
export { ALIAS, compareVersions, parseAlias, sortApis } from './order.js';
export { serverBasePath, serversOfDocument, type ApiServers, type ServerOverride } from './servers.js';
export { findRepoRoot, requireRepoRoot, REGISTRY_FILE } from './root.js';
