/**
 * The mock's credential state: users, EM session ids and OAuth access/refresh tokens, each with an
 * expiry so clients can test re-logon and refresh flows.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** A user the mock accepts. */
export interface MockUser {
  username: string;
  password: string;
}

/** Result of checking a presented session id or access token. */
export type TokenState = 'valid' | 'expired' | 'unknown';

/** Issued OAuth token pair. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Keeps issued credentials in memory for the life of one mock server. */
export class CredentialStore {
  private readonly access = new Map<string, number>();
  private readonly refresh = new Set<string>();

  constructor(
    private readonly users: readonly MockUser[],
    /** Lifetime of session ids and access tokens, seconds. */
    readonly ttlSeconds: number,
  ) {}

  /** True when the pair matches a configured user (both compared exactly). */
  checkPassword(username: string | undefined, password: string | undefined): boolean {
    return this.users.some((u) => u.username === username && u.password === password);
  }

  /**
   * Issues an EM session valid for `ttlSeconds`: the logon session's GUID and the `X-RestSvcSessionId`
   * header value, which EM derives from it (base64 of the GUID text).
   */
  issueSession(): { sessionId: string; header: string } {
    const sessionId = randomUUID();
    const header = Buffer.from(sessionId).toString('base64');
    this.access.set(header, Date.now() + this.ttlSeconds * 1000);
    return { sessionId, header };
  }

  /** Issues a bearer token and a single-use refresh token. */
  issueTokens(): IssuedTokens {
    const accessToken = randomBytes(32).toString('base64url');
    const refreshToken = randomBytes(32).toString('base64url');
    this.access.set(accessToken, Date.now() + this.ttlSeconds * 1000);
    this.refresh.add(refreshToken);
    return { accessToken, refreshToken, expiresIn: this.ttlSeconds };
  }

  /** Consumes a refresh token; false when it was never issued or was already used. */
  useRefreshToken(token: string | undefined): boolean {
    if (!token || !this.refresh.has(token)) return false;
    this.refresh.delete(token);
    return true;
  }

  /** Checks a session id or access token. */
  check(token: string | undefined): TokenState {
    if (!token) return 'unknown';
    const expires = this.access.get(token);
    if (expires === undefined) return 'unknown';
    return Date.now() < expires ? 'valid' : 'expired';
  }

  /**
   * Ends the EM logon session with this GUID (EM logoff, `DELETE /logonSessions/{ID}`): the session
   * named, whichever session the request presents.
   * @returns false when no such session was issued (or it already ended)
   */
  revokeSession(sessionId: string): boolean {
    return this.access.delete(Buffer.from(sessionId.toLowerCase()).toString('base64'));
  }
}
