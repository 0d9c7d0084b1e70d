/**
 * Typed client of the Veeam Backup for Microsoft 365 REST API v3 (`@veeam-rest/m365/v3`; also the
 * package root). Another API version is another entry point with the same exports: only the two
 * `./generated/<version>/` imports below differ.
 * @example
 * import { createClient } from '@veeam-rest/m365/v3';
 * const vb = createClient({ baseUrl: 'https://vb365.example.com:4443/v3', auth: { username, password } });
 * const { data } = await vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id } } });
 * const session = await vb.follow(data![0]!._links.self);
 */
import { createTokenClient, type VeeamClient } from '@veeam-rest/client-core';
import { operations as operationTable, spec } from './generated/v3/operations.gen.js';
import type { components, operations, paths } from './generated/v3/schema.gen.js';
import { M365_GRANT_TYPES, type M365ClientOptions } from './client.js';

/** The VB365 client: openapi-fetch methods plus `paginate`, `follow` and `close`. */
export type M365Client = VeeamClient<paths, operations, typeof operationTable>;

/**
 * Creates a VB365 client of this API version: password grant on first use, refresh before expiry,
 * one retry after a 401 (client-core `createTokenClient`).
 */
export function createClient(options: M365ClientOptions): M365Client {
  return createTokenClient<paths, operations, typeof operationTable>(options, { operations: operationTable, spec, grantTypes: M365_GRANT_TYPES });
}

/** A component schema of this version's spec by name, e.g. `Schema<'JobSession'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
export type { components, operations, paths, M365ClientOptions };
export { operationTable, spec };
export * from './errors.js';
