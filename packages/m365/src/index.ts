/**
 * Typed client of the Veeam Backup for Microsoft 365 REST API (v3).
 * @example
 * const vb = createClient({ baseUrl: 'https://vb365.example.com:4443/v3', auth: { username, password } });
 * const { data } = await vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id } } });
 */
import { createVeeamClient, tokenAuth, type BaseClientOptions, type Credentials, type VeeamClient } from '@veeam-rest/client-core';
import { operations as operationTable, spec } from './generated/operations.gen.js';
import type { components, operations, paths } from './generated/schema.gen.js';

/** Options of {@link createClient}. */
export interface M365ClientOptions extends BaseClientOptions {
  /** VB365 user and password for the OAuth2 password grant. */
  auth: Credentials & {
    /**
     * Refresh the access token this long before it expires.
     * @default 60
     */
    refreshBeforeExpirySeconds?: number;
  };
}

/** The VB365 client: openapi-fetch methods plus `paginate`, `follow` and `close`. */
export type M365Client = VeeamClient<paths, operations, typeof operationTable>;

/**
 * Creates a VB365 client. It gets a token with the password grant (`POST /token`) on first use, refreshes
 * it before expiry with the refresh_token grant (one refresh shared by concurrent calls), and retries
 * once after a 401. VB365 matches paths case-insensitively, so `follow()` accepts its lower-case links.
 * @example
 * const session = await vb.follow(job._links.jobsessions);
 */
export function createClient(options: M365ClientOptions): M365Client {
  const { auth, ...base } = options;
  return createVeeamClient<paths, operations, typeof operationTable>(base, {
    spec,
    operations: operationTable,
    auth: tokenAuth({ ...auth, tokenPath: operationTable.createToken.path, grantTypes: { password: 'password', refresh: 'refresh_token' } }),
  });
}

/** A component schema of the VB365 spec by name, e.g. `Schema<'JobSession'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
export type { components, operations, paths };
export { operationTable, spec };
export {
  VeeamAuthError,
  VeeamConfigError,
  VeeamError,
  VeeamLinkError,
  VeeamPaginationError,
  VeeamRequestError,
  VeeamResponseError,
  type ApiError,
  type LinkObject,
  type Logger,
  type RetryOptions,
  type TlsOptions,
} from '@veeam-rest/client-core';
