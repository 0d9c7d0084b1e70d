/**
 * Typed client of the Veeam Backup for Microsoft Azure REST API v2 (`@veeam-rest/azure/v2`; also the
 * package root). Another API version is another entry point with the same exports: only the two
 * `./generated/<version>/` imports below differ.
 * @example
 * import { createClient } from '@veeam-rest/azure/v2';
 * const vb = createClient({ baseUrl: 'https://vba.example.com/api/v2', auth: { username, password } });
 * for await (const s of vb.paginate('listJobSessions', { params: { query: { Limit: 100 } } })) console.log(s.status);
 */
import { createTokenClient, type VeeamClient } from '@veeam-rest/client-core';
import { operations as operationTable, spec } from './generated/v2/operations.gen.js';
import type { components, operations, paths } from './generated/v2/schema.gen.js';
import { AZURE_GRANT_TYPES, type AzureClientOptions } from './client.js';

/** The VB for Azure client: openapi-fetch methods plus `paginate`, `follow` and `close`. */
export type AzureClient = VeeamClient<paths, operations, typeof operationTable>;

/**
 * Creates a VB for Azure client of this API version: `Password` grant at the unversioned
 * `POST /api/oauth2/token` on first use, refresh before expiry, one retry after a 401 (client-core `createTokenClient`).
 */
export function createClient(options: AzureClientOptions): AzureClient {
  return createTokenClient<paths, operations, typeof operationTable>(options, { operations: operationTable, spec, grantTypes: AZURE_GRANT_TYPES });
}

/** A component schema of this version's spec by name, e.g. `Schema<'JobSession'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
export type { components, operations, paths, AzureClientOptions };
export { operationTable, spec };
export * from './errors.js';
