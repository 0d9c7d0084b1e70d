/**
 * A real HTTP mock of one Veeam API, driven by the spec: routes by method + path template, answers the
 * documented examples (XML or JSON by Accept, representation by `?format=`), and implements the auth
 * flows (EM logon session, OAuth password/refresh grants) so clients can be tested end to end on
 * 127.0.0.1.
 *
 * @example
 * const mock = await startMockServer({ product: 'enterprise-manager' });
 * const res = await fetch(`${mock.url}/sessionMngr/?v=latest`, { method: 'POST', headers: { Authorization: basic } });
 * await mock.close();
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '../spec/load.js';
import { indexSpec, type IndexedOperation, type SpecIndex } from '../spec/index.js';
import { matchOperation } from '../match.js';
import { servedAt } from '../spec/servers.js';
import type { Product } from '../types.js';
import { findRepoRoot } from '../recordings/paths.js';
import { CredentialStore, type MockUser } from './credentials.js';
import { negotiate } from './negotiate.js';
import { hrefRewriter } from './rewrite.js';
import { anyExample, mediaTypesOf, pickExample, successStatus, type ExampleBody } from './examples.js';
import { authFlowFor, type AuthFlow } from './auth-flows.js';
import { ReplayStore } from './replay.js';
import { RequestLog, type MockRequestLog, type RequestLogOptions } from './request-log.js';

export type { MockUser } from './credentials.js';
export type { MockRequestLog, RequestLogOptions } from './request-log.js';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  product: Product;
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Lifetime of EM session ids and OAuth access tokens. @default 3600 */
  tokenTtlSeconds?: number;
  /** Accepted users. @default [{ username: 'admin', password: 'password' }] */
  users?: MockUser[];
  /**
   * Called first for every request (fault injection, custom answers). Return true when it answered
   * the request itself; the mock then does nothing more.
   */
  hook?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Repository root holding redocly.yaml. @default the checkout this package lives in */
  rootDir?: string;
  /**
   * Recordings directory (as written by `veeam-contract record`): a request with the same method, path
   * and query as a 2xx recording is answered with it; others with the spec's examples.
   */
  recordingsDir?: string;
  /**
   * Limits of {@link MockServer.requests}: entries kept (1000), which bodies are kept (`small`: up to
   * 4 KiB each; `all`; `none`) and their total bytes (4 MiB).
   */
  requestLog?: RequestLogOptions;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL including the API base path, e.g. `http://127.0.0.1:41234/api`. */
  url: string;
  /** `http://127.0.0.1:41234`. */
  origin: string;
  /**
   * The newest requests received, in order (at most `requestLog.maxEntries`; bodies as
   * `requestLog.bodies` says).
   */
  requests: MockRequestLog[];
  /** Requests received in all, including those no longer in {@link requests}. */
  readonly requestCount: number;
  /** Bytes of request bodies the log holds now (bounded by `requestLog.maxBodyBytes`). */
  readonly loggedBodyBytes: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The default user of the mock (documented in the README). */
export const DEFAULT_MOCK_USERS: readonly MockUser[] = [{ username: 'admin', password: 'password' }];

const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * Starts a mock server for one product.
 * @throws SpecError when the product's spec cannot be bundled, Error when the port is taken.
 */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const rootDir = options.rootDir ?? findRepoRoot();
  const spec = await loadSpec(rootDir, options.product); // only this product: others may be broken
  const index = indexSpec(spec);
  const store = new CredentialStore(options.users ?? DEFAULT_MOCK_USERS, options.tokenTtlSeconds ?? 3600);
  const flow = authFlowFor(options.product);
  const replay = options.recordingsDir ? await ReplayStore.load(options.recordingsDir, index) : undefined;
  const requestLog = new RequestLog(options.requestLog);
  const basePath = index.rootBasePaths.at(-1) ?? '';
  let rewrite: (body: string) => string = (b) => b;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug of ours, not of the client: answer 500 with the reason so tests show it.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`mock server error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = requestLog.add(req);
    if (options.hook && (await options.hook(req, res))) return;
    const raw = await readBody(req);
    if (raw === undefined) return send(res, log, 413, undefined);
    requestLog.setBody(log, raw.text, raw.bytes);
    const ctx = new Exchange(req, res, log, index, rewrite, raw.text);

    const found = matchOperation(index, log.method, log.url);
    // An operation with its own server is only there (VB for Azure: /api/oauth2/token, not /api/v2/oauth2/token),
    // the others only under the root base path.
    const match = found && servedAt(index, found.operation, log.url) ? found : undefined;
    if (!match) {
      const allowed = allowedMethods(index, log.url);
      if (allowed.length > 0) return ctx.sendStatus(405, { allow: allowed.join(', ') });
      return ctx.sendError(404);
    }
    log.operationId = match.operation.operationId;
    const handled = await flow.handle(ctx, match.operation, store, match.params);
    if (handled) return;
    if (!flow.isPublic(match.operation, index) && !ctx.authorized(flow, store)) return;
    const recorded = replay?.find(log.method, log.url) ?? [];
    if (recorded.length > 0) {
      const mt = ctx.negotiate(recorded.map((r) => r.mediaType));
      if (!mt) return ctx.sendStatus(406, {}, `Not Acceptable: recorded as ${recorded.map((r) => r.mediaType).join(' or ')}`);
      const r = recorded.find((x) => x.mediaType === mt)!;
      return ctx.sendBody(r.status, r);
    }
    ctx.sendExample(match.operation, successStatus(match.operation), match.representation);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const origin = `http://${host}:${addr.port}`;
  rewrite = hrefRewriter(index.basePaths, origin);
  return {
    url: basePath ? `${origin}/${basePath}` : origin,
    origin,
    requests: requestLog.entries,
    get requestCount() {
      return requestLog.received;
    },
    get loggedBodyBytes() {
      return requestLog.keptBodyBytes;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** One request/response pair with the helpers the auth flows need. */
export class Exchange {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly log: MockRequestLog,
    readonly index: SpecIndex,
    private readonly rewrite: (body: string) => string,
    /** The request body as text (whether or not the log keeps it). */
    readonly body: string = '',
  ) {}

  /** Form fields of an `application/x-www-form-urlencoded` body (JSON bodies are accepted too). */
  form(): Record<string, string> {
    const type = String(this.req.headers['content-type'] ?? '');
    if (type.includes('json')) {
      try {
        const obj: unknown = JSON.parse(this.body);
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return {};
        // Only scalar fields: String() of a nested array recurses (a deep one would overflow the stack).
        return Object.fromEntries(Object.entries(obj).filter(([, v]) => v === null || typeof v !== 'object').map(([k, v]) => [k, String(v)]));
      } catch {
        return {};
      }
    }
    return Object.fromEntries(new URLSearchParams(this.body));
  }

  /** Media type for a body from `available`, honouring Accept; undefined means 406. */
  negotiate(available: readonly string[]): string | undefined {
    return negotiate(this.req.headers.accept, available, this.index.product === 'enterprise-manager' ? 'application/xml' : 'application/json');
  }

  /** Answers an operation's documented example for `status` (406 when Accept excludes every type). */
  sendExample(op: IndexedOperation, status: number, representation?: string, headers: Record<string, string> = {}, edit?: (text: string, mediaType: string) => string): void {
    const available = mediaTypesOf(op, status);
    if (available.length === 0) return this.sendStatus(status, headers);
    const mt = this.negotiate(available);
    if (!mt) return this.sendStatus(406, {}, `Not Acceptable: this operation answers ${available.join(' or ')}`);
    const entry = op.content[String(status)]!.find((e) => e.mediaType === mt)!;
    const body = pickExample(this.index, entry, representation);
    if (!body) return this.sendStatus(status, headers);
    this.sendBody(status, { mediaType: body.mediaType, text: edit ? edit(body.text, body.mediaType) : body.text }, headers);
  }

  /**
   * Answers an error status with the operation's example for it, else any example of the product for
   * that status, else a short JSON message.
   */
  sendError(status: number, op?: IndexedOperation, message = http.STATUS_CODES[status] ?? 'Error', headers: Record<string, string> = {}): void {
    if (op && mediaTypesOf(op, status).length > 0) {
      const mt = this.negotiate(mediaTypesOf(op, status)) ?? mediaTypesOf(op, status)[0]!;
      const entry = op.content[String(status)]!.find((e) => e.mediaType === mt)!;
      const body = pickExample(this.index, entry);
      if (body) return this.sendBody(status, body, headers);
    }
    const preferred = this.index.product === 'enterprise-manager' && !/json/i.test(String(this.req.headers.accept ?? ''))
      ? ['application/xml', 'application/json']
      : ['application/json', 'application/problem+json', 'application/xml'];
    const body = anyExample(this.index, status, preferred);
    if (body) return this.sendBody(status, body, headers);
    this.sendBody(status, { mediaType: 'application/json', text: JSON.stringify({ message }) }, headers);
  }

  /** Answers a status without a documented body. */
  sendStatus(status: number, headers: Record<string, string> = {}, text?: string): void {
    send(this.res, this.log, status, text === undefined ? undefined : { mediaType: 'text/plain', text }, headers);
  }

  /** Answers a body, with absolute links rewritten to this server. */
  sendBody(status: number, body: ExampleBody, headers: Record<string, string> = {}): void {
    send(this.res, this.log, status, { mediaType: body.mediaType, text: this.rewrite(body.text) }, headers);
  }

  /**
   * Checks the request's credentials for a protected operation; answers 401 itself and returns false
   * when they are missing, unknown or expired.
   */
  authorized(flow: AuthFlow, store: CredentialStore): boolean {
    const token = flow.presented(this.req);
    const state = store.check(token);
    if (state === 'valid') return true;
    const why = token === undefined ? 'missing credentials' : state === 'expired' ? 'expired credentials' : 'invalid credentials';
    this.sendError(401, undefined, `Unauthorized: ${why}`, flow.challenge ? { 'www-authenticate': flow.challenge } : {});
    return false;
  }
}

function send(res: ServerResponse, log: MockRequestLog, status: number, body: ExampleBody | undefined, headers: Record<string, string> = {}): void {
  log.status = status;
  const h: Record<string, string> = { ...headers };
  let payload: Buffer | undefined;
  if (body) {
    payload = Buffer.from(body.text, 'utf8');
    h['content-type'] = body.mediaType.includes('charset') ? body.mediaType : `${body.mediaType}; charset=utf-8`;
    h['content-length'] = String(payload.length);
  } else {
    h['content-length'] = '0';
  }
  res.writeHead(status, h);
  res.end(payload);
}

/** The request body as text and its size; undefined when it is larger than MAX_REQUEST_BYTES. */
function readBody(req: IncomingMessage): Promise<{ text: string; bytes: number } | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
      else chunks.length = 0; // keep reading (to answer 413 cleanly) but hold nothing
    });
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : { text: Buffer.concat(chunks).toString('utf8'), bytes: size }));
    req.on('error', reject);
  });
}

function allowedMethods(index: SpecIndex, url: string): string[] {
  const methods = [...new Set(index.operations.map((o) => o.method))];
  return methods.filter((m) => {
    const found = matchOperation(index, m, url);
    return found !== undefined && servedAt(index, found.operation, url);
  });
}
