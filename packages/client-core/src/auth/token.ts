import { VeeamAuthError } from '../errors.js';
import type { ServerOverride } from '../operation-spec.js';
import { Secret } from '../secret.js';
import { resolveServerUrl } from '../server-url.js';
import { assertCredentials, type AuthContext, type AuthFactory, type AuthProvider, type Credentials } from './types.js';

/** Options of the OAuth2 password-grant flow (VB365, VB for Azure). */
export interface TokenAuthOptions extends Credentials {
  /** Token path relative to the base URL (or to `tokenServer`), e.g. `/token` (m365) or `/oauth2/token` (azure). */
  tokenPath: string;
  /**
   * The token operation's own server when the spec overrides it (the `server` of its operation-table row):
   * VB for Azure answers tokens only at the unversioned `/api/oauth2/token`, outside the `/api/v2` base
   * path. The token URL is then the base URL rebased from `apiBasePath` onto this server's base path.
   */
  tokenServer?: ServerOverride | undefined;
  /** Base path of the spec's server (`spec.basePath`, e.g. `/api/v2`); required with `tokenServer`. */
  apiBasePath?: string;
  /** grant_type values; VB365 spells them `password`/`refresh_token`, VB for Azure `Password`/`Refresh_token`. */
  grantTypes: { password: string; refresh: string };
  /**
   * Refresh this long before the token expires (capped at half the token lifetime).
   * @default 60
   */
  refreshBeforeExpirySeconds?: number;
}

interface Token {
  access: Secret;
  refresh: Secret | undefined;
  /** Epoch ms after which the token is treated as expired (expiry minus the refresh margin). */
  renewAt: number;
}

/**
 * OAuth2 password grant with refresh: gets a token on first use, refreshes it shortly before expiry with
 * the refresh_token grant (falling back to the password grant when refresh fails), shares one token
 * request among all concurrent calls, and drops the token after a 401 so the call is retried once.
 */
export function tokenAuth(options: TokenAuthOptions): AuthFactory {
  assertCredentials(options, `OAuth2 password grant at POST ${options.tokenPath}`);
  // Keep only what is needed, so the caller's options object (plain password) is not retained.
  const { username, password, ...settings } = options;
  const user = new Secret(username);
  const secret = new Secret(password);
  return (context) => new TokenAuth(context, settings, user, secret);
}

/** The absolute token URL: under the base URL, or under the token operation's own server. */
function tokenUrl(baseUrl: string, options: Pick<TokenAuthOptions, 'tokenPath' | 'tokenServer' | 'apiBasePath'>): string {
  if (!options.tokenServer) return baseUrl + options.tokenPath;
  if (options.apiBasePath === undefined) throw new TypeError('tokenAuth: tokenServer needs apiBasePath (the spec base path) to rebase the base URL.');
  return resolveServerUrl(baseUrl, options.apiBasePath, options.tokenServer.basePath) + options.tokenPath;
}

class TokenAuth implements AuthProvider {
  #token: Token | undefined;
  #pending: Promise<Token> | undefined;
  #closed = false;
  readonly #context: AuthContext;
  readonly #url: string;
  readonly #grants: { password: string; refresh: string };
  readonly #marginMs: number;
  readonly #username: Secret;
  readonly #password: Secret;

  constructor(context: AuthContext, options: Omit<TokenAuthOptions, keyof Credentials>, username: Secret, password: Secret) {
    this.#context = context;
    this.#url = tokenUrl(context.baseUrl, options);
    this.#grants = { ...options.grantTypes };
    this.#marginMs = (options.refreshBeforeExpirySeconds ?? 60) * 1000;
    this.#username = username;
    this.#password = password;
  }

  async authorize(headers: Headers, signal?: AbortSignal): Promise<unknown> {
    let token = this.#token;
    if (!token || Date.now() >= token.renewAt) token = await (this.#pending ??= this.#obtain(token, signal));
    headers.set('Authorization', `Bearer ${token.access.reveal()}`);
    return token;
  }

  invalidate(used: unknown): void {
    // Keep the refresh token: after a 401 the refresh grant is still the cheapest way back in.
    if (used === this.#token && this.#token) this.#token = { ...this.#token, renewAt: 0 };
  }

  async close(): Promise<void> {
    // Neither VB365 v3 nor VB for Azure v2 documents a token revocation call: forget the tokens.
    this.#closed = true;
    this.#token = undefined;
  }

  async #obtain(previous: Token | undefined, signal?: AbortSignal): Promise<Token> {
    try {
      if (this.#closed) throw new VeeamAuthError('closed', 'This client was closed; create a new one.');
      let token: Token | undefined;
      if (previous?.refresh) {
        token = await this.#request('refresh', { grant_type: this.#grants.refresh, refresh_token: previous.refresh.reveal() }, signal).catch(
          (error: unknown) => {
            if (error instanceof VeeamAuthError) return undefined; // refresh token expired or revoked
            throw error;
          },
        );
      }
      token ??= await this.#request(
        'token',
        { grant_type: this.#grants.password, username: this.#username.reveal(), password: this.#password.reveal() },
        signal,
      );
      this.#token = token;
      return token;
    } finally {
      this.#pending = undefined;
    }
  }

  async #request(action: 'token' | 'refresh', form: Record<string, string>, signal?: AbortSignal): Promise<Token> {
    const res = await this.#context.fetch(this.#url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: signal ?? null,
    });
    this.#context.log?.({ type: 'auth', action, url: this.#url, status: res.status });
    const what = action === 'token' ? `password grant` : `refresh_token grant`;
    if (!res.ok) {
      await res.body?.cancel();
      throw new VeeamAuthError('token-failed', `Token request failed: ${res.status} ${res.statusText} (${what}, POST ${this.#url}).`, {
        status: res.status,
      });
    }
    let body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse((await res.text()).replace(/^\uFEFF/, '')) as typeof body;
    } catch (cause) {
      throw new VeeamAuthError('token-failed', `Token response is not JSON (${what}, POST ${this.#url}).`, { status: res.status, cause });
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new VeeamAuthError('token-failed', `Token response has no access_token (${what}, POST ${this.#url}).`, { status: res.status });
    }
    const lifetimeMs = Number(body.expires_in ?? 3600) * 1000;
    const margin = Math.min(this.#marginMs, lifetimeMs / 2);
    return {
      access: new Secret(body.access_token),
      refresh: typeof body.refresh_token === 'string' && body.refresh_token ? new Secret(body.refresh_token) : undefined,
      renewAt: Date.now() + (Number.isFinite(lifetimeMs) ? lifetimeMs - margin : 0),
    };
  }
}
