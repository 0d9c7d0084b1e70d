import type { FetchLike } from '../tls.js';
import type { Logger } from '../logger.js';

/** What an auth provider gets from the client to make its own calls (logon, token, logoff). */
export interface AuthContext {
  /** Client base URL without trailing slash, e.g. `https://host:9398/api`. */
  baseUrl: string;
  /** The client's transport (honours its TLS settings). */
  fetch: FetchLike;
  /** The client's logger, if any. */
  log?: Logger | undefined;
  /**
   * Largest auth response body to read, in bytes (the client's maxResponseBytes).
   * @default 33554432
   */
  maxResponseBytes?: number | undefined;
}

/**
 * Adds credentials to requests and recovers from 401 answers. Implementations keep the credentials out of
 * inspect output and errors, share one logon/refresh among concurrent calls, and never follow a redirect
 * with credentials (the built-in ones send `redirect: 'manual'` and refuse any 3xx).
 */
export interface AuthProvider {
  /** Sets the auth header(s), logging on first if needed; returns a handle naming the credential used. */
  authorize(headers: Headers, signal?: AbortSignal): Promise<unknown>;
  /** After a 401 for a request sent with `used`: drop that credential so the next authorize gets a new one. */
  invalidate(used: unknown): void;
  /** Ends the session server-side when the API has such a call; idempotent. */
  close(signal?: AbortSignal): Promise<void>;
}

/** Creates the provider for one client. */
export type AuthFactory = (context: AuthContext) => AuthProvider;

/** Username and password, as every Veeam API takes them. */
export interface Credentials {
  /** User name, e.g. `DOMAIN\\user` for EM. */
  username: string;
  /** Password; kept in a private field, never logged or shown. */
  password: string;
}

/**
 * Throws a TypeError unless `auth` holds a string username and password. Checked where the auth flows
 * consume credentials, so every product client (and a direct `sessionAuth`/`tokenAuth` caller) gets it.
 * @param flow how the credentials are used, for the message, e.g. `HTTP Basic logon at POST /sessionMngr/`
 */
export function assertCredentials(auth: Partial<Credentials> | undefined, flow: string): asserts auth is Credentials {
  if (typeof auth?.username !== 'string' || typeof auth.password !== 'string') {
    throw new TypeError(`auth must be { username: string, password: string } (used for the ${flow}).`);
  }
}
