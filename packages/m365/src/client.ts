/**
 * What every VB365 API version's client shares: the options and the grant-type spelling. Each version's
 * entry point (`src/v3.ts`, `src/v8.ts`) binds client-core's `createTokenClient` to its own generated
 * operation table and types; the token path comes from that table's `createToken` row.
 */
import type { TokenClientOptions } from '@veeam-rest/client-core';

/** Options of `createClient` (the same for every VB365 API version). */
export interface M365ClientOptions extends TokenClientOptions {}

/** VB365 spells the OAuth2 grant types in lower case (v3 and v8 alike). */
export const M365_GRANT_TYPES = { password: 'password', refresh: 'refresh_token' } as const;
