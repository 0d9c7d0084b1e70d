/**
 * `@veeam-rest/m365`: typed clients of the Veeam Backup for Microsoft 365 REST API, one entry point per
 * API version (`@veeam-rest/m365/v3`, `@veeam-rest/m365/v8`: the current one). The package root is the v3
 * client, as it always was: existing imports keep working; import a version's subpath to pick or pin one
 * (README: "API versions").
 * @example
 * import { createClient } from '@veeam-rest/m365'; // = '@veeam-rest/m365/v3'
 */
export * from './v3.js';
