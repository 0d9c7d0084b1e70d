/**
 * The client factory of the products that log on with an OAuth2 token (VB365, VB for Azure): every API
 * version of both is this factory bound to its generated operation table, spec facts and the product's
 * spelling of the grant types. The token URL comes from the table's `createToken` row, so a version that
 * moves the endpoint (VB for Azure: unversioned `/api/oauth2/token` through a path-level `servers`
 * override) needs no code of its own.
 */
import { tokenAuth } from './auth/token.js';
import type { Credentials } from './auth/types.js';
import { createVeeamClient, type BaseClientOptions } from './client.js';
import type { ApiSpec, OperationSpec } from './operation-spec.js';
import type { VeeamClient } from './types.js';

/** Options of a token-auth product's `createClient` (the same for every VB365 and VB for Azure version). */
export interface TokenClientOptions extends BaseClientOptions {
  /** User and password for the OAuth2 password grant. */
  auth: Credentials & {
    /**
     * Refresh the access token this long before it expires.
     * @default 60
     */
    refreshBeforeExpirySeconds?: number;
  };
}

/** What every token-auth operation table has: the `createToken` operation the client logs on with. */
export type TokenOperationTable = Record<string, OperationSpec> & { readonly createToken: OperationSpec };

/** One product API version as the factory needs it: its generated table and spec facts, its grant types. */
export interface TokenProduct<Table extends TokenOperationTable> {
  /** The version's generated operation table (`operations.gen.ts`). */
  operations: Table;
  /** The version's generated spec facts (`spec` of `operations.gen.ts`). */
  spec: ApiSpec;
  /** grant_type values: VB365 spells them `password`/`refresh_token`, VB for Azure `Password`/`Refresh_token`. */
  grantTypes: { password: string; refresh: string };
}

/**
 * Creates a client that gets a token with the password grant at the version's `createToken` operation on
 * first use (under the base URL, or under that operation's own server when the spec overrides it),
 * refreshes it before expiry with the refresh grant (one refresh shared by concurrent calls), and
 * retries once after a 401.
 * @example
 * createTokenClient<paths, operations, typeof table>(options, { operations: table, spec, grantTypes: { password: 'password', refresh: 'refresh_token' } });
 */
export function createTokenClient<Paths extends {}, Ops, Table extends TokenOperationTable>(
  options: TokenClientOptions,
  product: TokenProduct<Table>,
): VeeamClient<Paths, Ops, Table> {
  const { auth, ...base } = options;
  const token = product.operations.createToken;
  return createVeeamClient<Paths, Ops, Table>(base, {
    spec: product.spec,
    operations: product.operations,
    auth: tokenAuth({
      ...auth,
      tokenPath: token.path,
      tokenServer: token.server,
      apiBasePath: product.spec.basePath,
      grantTypes: product.grantTypes,
    }),
  });
}
