/**
 * What every VB for Azure API version's client shares: the options and the grant-type spelling. Each
 * version's entry point (`src/v2.ts`, `src/v8.1.ts`) binds client-core's `createTokenClient` to its own
 * generated operation table and types; the token URL comes from that table's `createToken` row, whose
 * path-level server puts it at the unversioned `/api/oauth2/token`, outside `/api/v2` and `/api/v8.1`.
 */
import type { TokenClientOptions } from '@veeam-rest/client-core';

/** Options of `createClient` (the same for every VB for Azure API version). */
export interface AzureClientOptions extends TokenClientOptions {}

/** VB for Azure spells the OAuth2 grant types capitalised (v2 and v8.1 alike). */
export const AZURE_GRANT_TYPES = { password: 'Password', refresh: 'Refresh_token' } as const;
