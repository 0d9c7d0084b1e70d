/**
 * Typed client of the Veeam Backup for Microsoft Azure REST API (v2).
 * @example
 * const vb = createClient({ baseUrl: 'https://vba.example.com/api/v2', auth: { username, password } });
 * const { data } = await vb.GET('/jobSessions', { params: { query: { Limit: 50 } } });
 */
import { createVeeamClient, tokenAuth, type BaseClientOptions, type Credentials, type VeeamClient } from '@veeam-rest/client-core';
import { operations as operationTable, spec } from './generated/operations.gen.js';
import type { components, operations, paths } from './generated/schema.gen.js';

/** Options of {@link createClient}. */
export interface AzureClientOptions extends BaseClientOptions {
  /** VB for Azure user and password for the OAuth2 password grant. */
  auth: Credentials & {
    /**
     * Refresh the access token this long before it expires.
     * @default 60
     */
    refreshBeforeExpirySeconds?: number;
  };
}

/** The VB for Azure client: openapi-fetch methods plus `paginate`, `follow` and `close`. */
export type AzureClient = VeeamClient<paths, operations, typeof operationTable>;

/**
 * Creates a VB for Azure client. It gets a token with the `Password` grant (`POST /api/oauth2/token`,
 * unversioned, outside the `/api/v2` base URL) on first use, refreshes it before expiry with the `Refresh_token` grant (one refresh shared by concurrent calls),
 * and retries once after a 401.
 * @example
 * for await (const s of vb.paginate('listJobSessions', { params: { query: { Limit: 100 } } })) console.log(s.status);
 */
export function createClient(options: AzureClientOptions): AzureClient {
  const { auth, ...base } = options;
  return createVeeamClient<paths, operations, typeof operationTable>(base, {
    spec,
    operations: operationTable,
    // VB for Azure serves tokens only at the unversioned /api/oauth2/token (the spec's path-level servers
    // override), outside the /api/v2 base URL: tokenAuth rebases the base URL onto that server.
    auth: tokenAuth({
      ...auth,
      tokenPath: operationTable.createToken.path,
      tokenServer: operationTable.createToken.server,
      apiBasePath: spec.basePath,
      grantTypes: { password: 'Password', refresh: 'Refresh_token' },
    }),
  });
}

/** A component schema of the VB for Azure spec by name, e.g. `Schema<'JobSession'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
export type { components, operations, paths };
export { operationTable, spec };
export {
  VeeamAuthError,
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
