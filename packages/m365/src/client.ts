/**
 * The VB365 client of any API version: one generated operation table and spec facts on the shared
 * runtime of `@veeam-rest/client-core` (token auth, retries, paging, `follow`). Each version's entry
 * point (`src/v3.ts`, ...) binds it to its own generated types.
 */
import { createVeeamClient, tokenAuth, type ApiSpec, type BaseClientOptions, type Credentials, type OperationSpec, type VeeamClient } from '@veeam-rest/client-core';

/** Options of `createClient` (the same for every VB365 API version). */
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

/** What every VB365 operation table has: the token operation the client logs on with. */
export type M365OperationTable = Record<string, OperationSpec> & { readonly createToken: OperationSpec };

/**
 * Creates a VB365 client of the version whose generated `operationTable` and `spec` are given. It gets
 * a token with the password grant (`POST /token`) on first use, refreshes it before expiry with the
 * refresh_token grant (one refresh shared by concurrent calls), and retries once after a 401. VB365
 * matches paths case-insensitively, so `follow()` accepts its lower-case links.
 */
export function createM365Client<Paths extends {}, Ops, Table extends M365OperationTable>(options: M365ClientOptions, operationTable: Table, spec: ApiSpec): VeeamClient<Paths, Ops, Table> {
  const { auth, ...base } = options;
  return createVeeamClient<Paths, Ops, Table>(base, {
    spec,
    operations: operationTable,
    auth: tokenAuth({
      ...auth,
      tokenPath: operationTable.createToken.path,
      tokenServer: operationTable.createToken.server,
      apiBasePath: spec.basePath,
      grantTypes: { password: 'password', refresh: 'refresh_token' },
    }),
  });
}
