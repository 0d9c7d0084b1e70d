/**
 * `@veeam-rest/azure`: typed clients of the Veeam Backup for Microsoft Azure REST API, one entry point
 * per API version (`@veeam-rest/azure/v2`, `@veeam-rest/azure/v8.1`: the current one). The package root is
 * the v2 client, as it always was: existing imports keep working; import a version's subpath to pick or
 * pin one (README: "API versions").
 * @example
 * import { createClient } from '@veeam-rest/azure'; // = '@veeam-rest/azure/v2'
 */
export * from './v2.js';
