/**
 * The auth flow of each product as the mock plays it:
 * - enterprise-manager: `POST /sessionMngr/` with Basic auth -> 201 + `X-RestSvcSessionId`;
 *   `DELETE /logonSessions/{ID}` ends the session.
 * - m365 (`POST /token`) and azure (`POST /api/oauth2/token`, outside `/api/v2`: the mock serves it only
 *   there, see spec/servers.ts): form-encoded password and refresh_token grants -> bearer token (Azure spells the grants `Password` / `Refresh_token`: compared
 *   case-insensitively).
 */
import type { IncomingMessage } from 'node:http';
import type { IndexedOperation, SpecIndex } from '../spec/index.js';
import type { Product } from '../types.js';
import type { CredentialStore } from './credentials.js';
import { successStatus } from './examples.js';
import type { Exchange } from './index.js';

/** How one product authenticates. */
export interface AuthFlow {
  /**
   * Answers the logon/token/logoff operations itself; returns true when it did.
   * @param params the request's path parameters
   */
  handle(ctx: Exchange, op: IndexedOperation, store: CredentialStore, params: Record<string, string>): boolean | Promise<boolean>;
  /** True for operations that need no credentials. */
  isPublic(op: IndexedOperation, index: SpecIndex): boolean;
  /** The session id or bearer token the request presents. */
  presented(req: IncomingMessage): string | undefined;
  /** `WWW-Authenticate` value on 401. */
  challenge?: string;
}

/** Operations whose effective `security` is empty need no credentials. */
function declaredPublic(op: IndexedOperation, index: SpecIndex): boolean {
  const security = (op.operation.security ?? (index.doc as { security?: unknown[] }).security) as unknown[] | undefined;
  return !Array.isArray(security) || security.length === 0 || security.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0);
}

function basicCredentials(req: IncomingMessage): { username: string; password: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const enterpriseManager: AuthFlow = {
  challenge: 'Basic realm="Veeam Backup Enterprise Manager"',
  presented: (req) => {
    const v = req.headers['x-restsvcsessionid'];
    return Array.isArray(v) ? v[0] : v;
  },
  isPublic: (op, index) => op.operationId === 'createLogonSession' || declaredPublic(op, index),
  handle(ctx, op, store, params) {
    if (op.operationId === 'createLogonSession') {
      const creds = basicCredentials(ctx.req);
      if (!creds || !store.checkPassword(creds.username, creds.password)) {
        ctx.sendError(401, op, 'Unauthorized: wrong user name or password', { 'www-authenticate': this.challenge! });
        return true;
      }
      const { sessionId, header } = store.issueSession();
      ctx.sendExample(op, successStatus(op), undefined, { 'x-restsvcsessionid': header }, (text) => withSessionId(text, sessionId));
      return true;
    }
    if (op.operationId === 'deleteLogonSession') {
      if (!ctx.authorized(this, store)) return true;
      // The session named in the path ends, not the one presented (they differ when one session logs
      // off another); an ID that names no session is 404, like any unknown resource.
      const id = Object.values(params)[0] ?? '';
      if (!store.revokeSession(id)) {
        ctx.sendError(404, op, `Not Found: no logon session ${id}`);
        return true;
      }
      ctx.sendExample(op, successStatus(op));
      return true;
    }
    return false;
  },
};

/** Puts the issued session's GUID where the LogonSession example has its own (SessionId, Href). */
function withSessionId(text: string, sessionId: string): string {
  const old = /<SessionId>([^<]+)<\/SessionId>|"SessionId"\s*:\s*"([^"]+)"/.exec(text);
  const value = old?.[1] ?? old?.[2];
  return value ? text.split(value).join(sessionId) : text;
}

function oauth(passwordGrant: string, refreshGrant: string): AuthFlow {
  return {
    challenge: 'Bearer',
    presented: (req) => /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1],
    isPublic: (op, index) => op.operationId === 'createToken' || declaredPublic(op, index),
    handle(ctx, op, store) {
      if (op.operationId !== 'createToken') return false;
      const form = ctx.form();
      const grant = (form.grant_type ?? '').toLowerCase();
      const ok =
        grant === passwordGrant ? store.checkPassword(form.username, form.password)
        : grant === refreshGrant ? store.useRefreshToken(form.refresh_token)
        : false;
      if (!ok) {
        // VB365 answers a rejected grant with 400 (invalid_grant); VB for Azure documents 401 for rejected
        // credentials and 400 for a malformed request. Use what the spec documents.
        const status = grant && op.content['401'] ? 401 : op.content['400'] ? 400 : 401;
        ctx.sendError(status, op, grant ? 'invalid_grant' : 'unsupported_grant_type');
        return true;
      }
      const tokens = store.issueTokens();
      ctx.sendExample(op, successStatus(op), undefined, { 'cache-control': 'no-store' }, (text) => fillTokenBody(text, tokens.accessToken, tokens.refreshToken, tokens.expiresIn));
      return true;
    },
  };
}

/** Puts freshly issued tokens into the spec's token example, keeping its other fields. */
function fillTokenBody(text: string, access: string, refresh: string, expiresIn: number): string {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const now = new Date();
  body.access_token = access;
  body.refresh_token = refresh;
  body.expires_in = expiresIn;
  body.token_type ??= 'bearer';
  // Keep the example's date format: VB365 (OWIN) writes RFC 1123 dates, VB for Azure ISO 8601 ones.
  const format = (d: Date, like: unknown): string => (typeof like === 'string' && /^\d{4}-\d\d-\d\dT/.test(like) ? d.toISOString() : d.toUTCString());
  if ('.issued' in body) body['.issued'] = format(now, body['.issued']);
  if ('.expires' in body) body['.expires'] = format(new Date(now.getTime() + expiresIn * 1000), body['.expires']);
  return JSON.stringify(body, null, 2);
}

/** The auth flow of a product. */
export function authFlowFor(product: Product): AuthFlow {
  switch (product) {
    case 'enterprise-manager':
      return enterpriseManager;
    case 'm365':
      return oauth('password', 'refresh_token');
    case 'azure':
      return oauth('password', 'refresh_token');
  }
}
