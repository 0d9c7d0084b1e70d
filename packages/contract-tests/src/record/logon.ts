/**
 * Logs on to a live server the way each product wants, and off again (EM only: VB365 v3 and Azure v2
 * document no token revocation; tokens simply expire).
 */
import { RemoteError } from './errors.js';
import { httpRequest, type HttpResponse } from './http.js';
import type { Product } from '../types.js';

/** An authenticated session with the live server. */
export interface LiveSession {
  /** Headers to send on every call. */
  headers: Record<string, string>;
  /** Secrets to redact (session id, tokens). */
  secrets: string[];
  /** The logon exchange, recorded like any other response. */
  exchange: { method: string; url: string; response: HttpResponse; operationId: string };
  /** EM: URL of the logon session resource to DELETE at the end. */
  logoffUrl?: string;
}

/** Credentials and connection options. */
export interface LogonOptions {
  product: Product;
  /** Base URL including the base path (`https://em:9398/api`). */
  baseUrl: string;
  username: string;
  password: string;
  insecure: boolean;
  /** Token URL of the OAuth products, from the spec (VB for Azure: `/api/oauth2/token`, outside `/api/v2`). */
  tokenUrl?: string;
}

/**
 * @param refusedStatuses statuses by which the server says the credentials are wrong: EM answers 401;
 *   VB365 and VB for Azure answer a password grant they refuse with 400
 */
function fail(what: string, res: HttpResponse, refusedStatuses: readonly number[]): never {
  const why = refusedStatuses.includes(res.status) ? ' (wrong user name or password?)' : '';
  const body = res.body.length ? `: ${res.body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200)}` : '';
  throw new RemoteError(`${what} failed: HTTP ${res.status}${why}${body}`);
}

/** Logs on; throws a RemoteError naming the step when the server refuses or cannot be reached. */
export async function logon(o: LogonOptions): Promise<LiveSession> {
  if (o.product === 'enterprise-manager') {
    const url = `${o.baseUrl}/sessionMngr/?v=latest`;
    const response = await httpRequest({ method: 'POST', url, insecure: o.insecure, headers: { authorization: `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`, accept: 'application/xml' } });
    const id = response.headers['x-restsvcsessionid'];
    if (response.status !== 201 || typeof id !== 'string') fail(`EM logon (POST ${url})`, response, [401, 403]);
    const href = /Href="([^"]*\/logonSessions\/[^"]+)"/.exec(response.body.toString('utf8'))?.[1];
    return {
      headers: { 'x-restsvcsessionid': id },
      secrets: [id],
      exchange: { method: 'POST', url, response, operationId: 'createLogonSession' },
      ...(href ? { logoffUrl: href.replace(/&amp;/g, '&') } : {}),
    };
  }
  const url = o.tokenUrl ?? (o.product === 'm365' ? `${o.baseUrl}/token` : `${o.baseUrl}/oauth2/token`);
  // Azure spells its grant "Password"; VB365 "password".
  const grant = o.product === 'azure' ? 'Password' : 'password';
  const body = new URLSearchParams({ grant_type: grant, username: o.username, password: o.password }).toString();
  const response = await httpRequest({ method: 'POST', url, body, insecure: o.insecure, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } });
  let tokens: { access_token?: unknown; refresh_token?: unknown } = {};
  try {
    tokens = JSON.parse(response.body.toString('utf8')) as typeof tokens;
  } catch {
    // reported below
  }
  if (response.status !== 200 || typeof tokens.access_token !== 'string') fail(`token request (POST ${url})`, response, [400, 401, 403]);
  const access = tokens.access_token as string;
  return {
    headers: { authorization: `Bearer ${access}` },
    secrets: [access, ...(typeof tokens.refresh_token === 'string' ? [tokens.refresh_token] : [])],
    exchange: { method: 'POST', url, response, operationId: 'createToken' },
  };
}

/** Ends an EM session; a failure is reported, not thrown (the recordings are already written). */
export async function logoff(session: LiveSession, insecure: boolean): Promise<string | undefined> {
  if (!session.logoffUrl) return undefined;
  try {
    const res = await httpRequest({ method: 'DELETE', url: session.logoffUrl, headers: session.headers, insecure });
    return res.status < 300 ? undefined : `logoff answered HTTP ${res.status}`;
  } catch (e) {
    return `logoff failed: ${(e as Error).message}`;
  }
}
