/**
 * The VB for Azure client of any API version: one generated operation table and spec facts on the
 * shared runtime of `@veeam-rest/client-core` (token auth, retries, paging, `follow`). Each version's
 * entry point (`src/v2.ts`, ...) binds it to its own generated types.
 */
import { createVeeamClient, tokenAuth, type ApiSpec, type BaseClientOptions, type Credentials, type OperationSpec, type VeeamClient } from '@veeam-rest/client-core';

/** Options of `createClient` (the same for every VB for Azure API version). */
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

/** What every VB for Azure operation table has: the token operation the client logs on with. */
export type AzureOperationTable = Record<string, OperationSpec> & { readonly createToken: OperationSpec };

/**
 * Creates a VB for Azure client of the version whose generated `operationTable` and `spec` are given.
 * It gets a token with the `Password` grant on first use, refreshes it before expiry with the
 * `Refresh_token` grant (one refresh shared by concurrent calls), and retries once after a 401.
 */
export function createAzureClient<Paths extends {}, Ops, Table extends AzureOperationTable>(options: AzureClientOptions, operationTable: Table, spec: ApiSpec): VeeamClient<Paths, Ops, Table> {
  const { auth, ...base } = options;
  return createVeeamClient<Paths, Ops, Table>(base, {
    spec,
    operations: operationTable,
    // VB for Azure v2 serves tokens only at the unversioned /api/oauth2/token (the spec's path-level
    // servers override), outside the /api/v2 base URL: tokenAuth rebases the base URL onto that server.
    auth: tokenAuth({
      ...auth,
      tokenPath: operationTable.createToken.path,
      tokenServer: operationTable.createToken.server,
      apiBasePath: spec.basePath,
      grantTypes: { password: 'Password', refresh: 'Refresh_token' },
    }),
  });
}
