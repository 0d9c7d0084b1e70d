import { BodyTooLarge, readLimitedText } from '../body-limit.js';
import { VeeamAuthError } from '../errors.js';
import { describeRedirect } from '../redirect.js';
import { Secret } from '../secret.js';
import { assertCredentials, type AuthContext, type AuthFactory, type AuthProvider, type Credentials } from './types.js';

/** Options of the Enterprise Manager session flow. */
export interface SessionAuthOptions extends Credentials {
  /**
   * Logon path relative to the base URL.
   * @default '/sessionMngr/?v=latest'
   */
  logonPath?: string;
  /**
   * Response header carrying the session token.
   * @default 'X-RestSvcSessionId'
   */
  sessionHeader?: string;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

interface Session {
  token: Secret;
  logoffUrl: string | undefined;
}

/**
 * Enterprise Manager auth: logs on lazily with HTTP Basic (`POST /sessionMngr/?v=latest`, 201 plus the
 * `X-RestSvcSessionId` header), sends that header on every call, drops the session after a 401 so the
 * next call logs on again, and logs off on close (`DELETE /logonSessions/{id}`). Logon and logoff never
 * follow a redirect: a 3xx answer is a VeeamAuthError, so neither the Basic credentials nor the session
 * id go anywhere but the base URL.
 */
export function sessionAuth(options: SessionAuthOptions): AuthFactory {
  const logonPath = options.logonPath ?? '/sessionMngr/?v=latest';
  assertCredentials(options, `Enterprise Manager HTTP Basic logon at POST ${logonPath}`);
  const basic = new Secret(Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64'));
  const headerName = options.sessionHeader ?? 'X-RestSvcSessionId';
  return (context) => new SessionAuth(context, basic, logonPath, headerName);
}

class SessionAuth implements AuthProvider {
  #session: Session | undefined;
  #pending: Promise<Session> | undefined;
  #closed = false;
  readonly #context: AuthContext;
  readonly #basic: Secret;
  readonly #logonUrl: string;
  readonly #headerName: string;

  constructor(context: AuthContext, basic: Secret, logonPath: string, headerName: string) {
    this.#context = context;
    this.#basic = basic;
    this.#logonUrl = context.baseUrl + logonPath;
    this.#headerName = headerName;
  }

  async authorize(headers: Headers, signal?: AbortSignal): Promise<unknown> {
    const session = this.#session ?? (await (this.#pending ??= this.#logon(signal)));
    headers.set(this.#headerName, session.token.reveal());
    return session;
  }

  invalidate(used: unknown): void {
    if (used === this.#session) this.#session = undefined;
  }

  async close(signal?: AbortSignal): Promise<void> {
    const session = this.#session ?? (await this.#pending?.catch(() => undefined));
    this.#session = undefined;
    this.#closed = true;
    if (!session?.logoffUrl) return;
    const res = await this.#context.fetch(session.logoffUrl, {
      method: 'DELETE',
      headers: { [this.#headerName]: session.token.reveal(), Accept: 'application/json' },
      signal: signal ?? null,
      redirect: 'manual',
    });
    await res.body?.cancel();
    this.#context.log?.({ type: 'auth', action: 'logoff', url: session.logoffUrl, status: res.status });
    const redirect = describeRedirect(res, session.logoffUrl);
    if (redirect !== undefined) {
      throw new VeeamAuthError('logon-failed', `Enterprise Manager logoff ${redirect} (DELETE ${session.logoffUrl}); auth requests never follow redirects, so the session id was not sent there.`, {
        status: res.status,
      });
    }
    // 401/404: the session already expired server-side, which is what logoff wants anyway.
    if (!res.ok && res.status !== 401 && res.status !== 404) {
      throw new VeeamAuthError('logon-failed', `Enterprise Manager logoff failed: ${res.status} ${res.statusText} (DELETE ${session.logoffUrl})`, {
        status: res.status,
      });
    }
  }

  async #logon(signal?: AbortSignal): Promise<Session> {
    try {
      if (this.#closed) throw new VeeamAuthError('closed', 'This Enterprise Manager client was closed; create a new one.');
      const res = await this.#context.fetch(this.#logonUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${this.#basic.reveal()}`, Accept: 'application/json' },
        signal: signal ?? null,
        redirect: 'manual',
      });
      this.#context.log?.({ type: 'auth', action: 'logon', url: this.#logonUrl, status: res.status });
      const redirect = describeRedirect(res, this.#logonUrl);
      if (redirect !== undefined) {
        await res.body?.cancel();
        throw new VeeamAuthError(
          'logon-failed',
          `Enterprise Manager logon ${redirect} (POST ${this.#logonUrl}); auth requests never follow redirects, so the credentials were not sent there. Check baseUrl.`,
          { status: res.status },
        );
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new VeeamAuthError(
          'logon-failed',
          `Enterprise Manager logon failed: ${res.status} ${res.statusText} (POST ${this.#logonUrl}); check the username and password.`,
          { status: res.status },
        );
      }
      const token = res.headers.get(this.#headerName);
      const body = await this.#readBody(res);
      if (!token) {
        throw new VeeamAuthError('session-header-missing', `Enterprise Manager logon answered ${res.status} without the ${this.#headerName} header (POST ${this.#logonUrl}).`, {
          status: res.status,
        });
      }
      const session: Session = { token: new Secret(token), logoffUrl: this.#logoffUrl(body) };
      this.#session = session;
      return session;
    } finally {
      this.#pending = undefined;
    }
  }

  /** The logon body, bounded like every response (a hostile server could send a gzip bomb here). */
  async #readBody(res: Response): Promise<string> {
    try {
      return await readLimitedText(res, this.#context.maxResponseBytes ?? DEFAULT_MAX_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      throw new VeeamAuthError('logon-failed', `Enterprise Manager logon answered a body over ${error.limit} bytes (maxResponseBytes; POST ${this.#logonUrl}).`, {
        status: res.status,
        cause: error,
      });
    }
  }

  /** The LogonSession body names the session; logoff is DELETE /logonSessions/{SessionId}. */
  #logoffUrl(body: string): string | undefined {
    let parsed: { SessionId?: unknown; Href?: unknown } | undefined;
    try {
      parsed = JSON.parse(body.replace(/^\uFEFF/, '')) as typeof parsed;
    } catch {
      return undefined;
    }
    const id =
      typeof parsed?.SessionId === 'string'
        ? parsed.SessionId
        : typeof parsed?.Href === 'string'
          ? parsed.Href.split('?')[0]!.split('/').pop()
          : undefined;
    return id ? `${this.#context.baseUrl}/logonSessions/${encodeURIComponent(id)}` : undefined;
  }
}
