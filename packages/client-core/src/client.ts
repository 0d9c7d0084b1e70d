import createOpenApiClient from 'openapi-fetch';
import type { AuthFactory } from './auth/types.js';
import { VeeamError, VeeamPaginationError, VeeamRequestError, VeeamResponseError, type ApiError } from './errors.js';
import { createLinkResolver } from './follow.js';
import type { Logger } from './logger.js';
import { ACCEPT, decodeErrorBody, decodeSuccess, type DecodeContext, type Format } from './media.js';
import { createPaginator } from './paginate.js';
import { CallRequest, SIGNAL_KEY } from './call-request.js';
import { createPathSerializer } from './path-serializer.js';
import { resolveServerUrl } from './server-url.js';
import { BodyTooLarge, createPipeline } from './pipeline.js';
import { resolveRetryPolicy, type RetryOptions } from './retry-after.js';
import { indexOperations, type OperationTable, type SpecInfo } from './table.js';
import { createTlsFetch, type FetchLike, type TlsOptions } from './tls.js';
import type { XmlMapping } from './xml/index.js';
import type { LinkObject, VeeamClient } from './types.js';

/** Options shared by every product's `createClient`. */
export interface BaseClientOptions {
  /** API root including the base path, e.g. `https://em.example.com:9398/api`. */
  baseUrl: string;
  /**
   * Timeout of each call in ms (auth, retries and body included); 0 disables it. Per call: `timeoutMs`.
   * @default 60000
   */
  timeoutMs?: number;
  /** Retry policy for 429/503 answers (Retry-After honoured). */
  retry?: RetryOptions;
  /** Custom CA or the explicit verification opt-out, for this client only. */
  tls?: TlsOptions;
  /** Extra headers sent with every call. */
  headers?: Record<string, string>;
  /** Receives request/response/retry/auth events (never headers, bodies or credentials). */
  logger?: Logger;
  /**
   * Largest response body the client reads, in bytes; larger ones throw VeeamResponseError `too-large`
   * before being buffered.
   * @default 33554432 (32 MiB, the XML decoder's limit)
   */
  maxResponseBytes?: number;
  /** Replaces the transport (proxies, tests); cannot be combined with `tls`. */
  fetch?: FetchLike;
}

/** What a product package adds: its spec facts, generated tables and auth flow. */
export interface ProductConfig {
  spec: SpecInfo;
  operations: OperationTable;
  auth?: AuthFactory | undefined;
  /** Default response media. @default 'json' */
  format?: Format;
  /** Generated XML mapping (enterprise-manager); enables `format: 'xml'`. */
  xmlMapping?: XmlMapping | undefined;
}

type AnyInit = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  headers?: Record<string, string> | Headers | [string, string][];
  signal?: AbortSignal | null;
  timeoutMs?: number;
  format?: Format;
  [key: string]: unknown;
};
type AnyResult = { data?: unknown; error?: ApiError<unknown>; response: Response };

/**
 * Creates the typed client of one product on top of openapi-fetch. Product packages call this with their
 * generated tables (and, for x-veeam-representations, their `components['schemas']`); users call the
 * product's `createClient`.
 */
export function createVeeamClient<Paths extends {}, Ops, Table, X = {}, Schemas = {}>(
  options: BaseClientOptions,
  product: ProductConfig,
): VeeamClient<Paths, Ops, Table, X, Schemas> {
  if (typeof options?.baseUrl !== 'string' || !/^https?:\/\//i.test(options.baseUrl)) {
    throw new TypeError(`baseUrl must be an absolute http(s) URL such as https://host:9398/api, got ${JSON.stringify(options?.baseUrl)}`);
  }
  if (options.fetch && options.tls) throw new TypeError('Pass either fetch or tls, not both: tls configures the built-in transport.');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const defaultFormat = product.format ?? 'json';
  const defaultTimeout = options.timeoutMs ?? 60_000;
  const transport: FetchLike = options.fetch ?? createTlsFetch(options.tls) ?? ((input, init) => globalThis.fetch(input, init));
  const auth = product.auth?.({ baseUrl, fetch: transport, log: options.logger });
  const maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
  const pipeline = createPipeline({ fetch: transport, auth, retry: resolveRetryPolicy(options.retry), log: options.logger, maxResponseBytes });
  const base = createOpenApiClient<Record<string, never>>({
    baseUrl,
    fetch: pipeline as (request: Request) => Promise<Response>,
    Request: CallRequest as unknown as typeof Request,
    pathSerializer: createPathSerializer(),
    headers: options.headers,
  });
  const index = indexOperations(product.operations);
  const resolveLink = createLinkResolver(product.spec, product.operations, baseUrl);

  async function call(method: string, path: string, init: AnyInit = {}): Promise<AnyResult> {
    const { format = defaultFormat, timeoutMs = defaultTimeout, signal: userSignal, headers, ...rest } = init;
    const operationId = index.get(`${method} ${path}`) ?? `${method} ${path}`;
    if (format === 'xml' && !product.xmlMapping) throw new TypeError(`format 'xml' is offered by enterprise-manager only, not ${product.spec.product}.`);
    // One AbortController + timer per call: AbortSignal.timeout() costs several times more per call.
    const timeout = timeoutMs > 0 ? new AbortController() : undefined;
    const timer = timeout ? setTimeout(() => timeout.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs) : undefined;
    const signal = timeout && userSignal ? AbortSignal.any([userSignal, timeout.signal]) : (timeout?.signal ?? userSignal ?? undefined);
    const request: Record<string, unknown> = { ...rest, headers: withAccept(headers, ACCEPT[format]), parseAs: 'text', [SIGNAL_KEY]: signal };
    // An operation with its own server (VB for Azure `POST /api/oauth2/token`, outside `/api/v2`) is sent there.
    const server = product.operations[operationId]?.server;
    if (server) request.baseUrl = resolveServerUrl(baseUrl, product.spec.basePath, server.basePath);
    // Middleware and per-call fetch functions expect a WHATWG Request; everything else gets a CallRequest.
    if (rest.middleware !== undefined || rest.fetch !== undefined) request.Request ??= globalThis.Request;
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      result = await (base.request as (m: string, p: string, i: unknown) => Promise<typeof result>)(method.toLowerCase(), path, request);
    } catch (error) {
      throw toRequestError(error, method, `${(request.baseUrl as string | undefined) ?? baseUrl}${path}`, timeout?.signal, userSignal ?? undefined, timeoutMs, operationId);
    } finally {
      clearTimeout(timer);
    }
    const { response } = result;
    const ctx: DecodeContext = { operationId, operation: product.operations[operationId], format, query: init.params?.query, xmlMapping: product.xmlMapping };
    if (!response.ok) return { error: { status: response.status, operationId, body: decodeErrorBody(result.error, response, ctx) }, response };
    return { data: decodeSuccess(result.data as string | undefined, response, ctx), response };
  }

  const client = {
    GET: (path: string, init?: AnyInit) => call('GET', path, init),
    PUT: (path: string, init?: AnyInit) => call('PUT', path, init),
    POST: (path: string, init?: AnyInit) => call('POST', path, init),
    DELETE: (path: string, init?: AnyInit) => call('DELETE', path, init),
    PATCH: (path: string, init?: AnyInit) => call('PATCH', path, init),
    paginate(operationId: string, init: AnyInit = {}) {
      const op = product.operations[operationId];
      if (!op?.pagination) {
        throw new VeeamPaginationError(
          'not-paged',
          `${operationId} is not a paged operation of ${product.spec.product} (no x-veeam-pagination); paged ones: ${pagedIds(product.operations).join(', ') || 'none'}.`,
          operationId,
        );
      }
      const method = op.method.toUpperCase();
      return createPaginator(operationId, op.pagination, { ...init.params?.query }, (query) =>
        call(method, op.path, { ...init, params: { ...init.params, query } }),
      );
    },
    async follow(link: LinkObject, init: AnyInit = {}) {
      const target = resolveLink(link);
      const result = await call(target.method, target.path, { ...init, params: target.params });
      return { operationId: target.operationId, ...result };
    },
    async close() {
      await auth?.close();
    },
  };
  return client as unknown as VeeamClient<Paths, Ops, Table, X, Schemas>;
}

function withAccept(headers: AnyInit['headers'], accept: string): AnyInit['headers'] {
  if (!headers) return { Accept: accept }; // the common case: no Headers object to build
  const merged = new Headers(headers);
  if (!merged.has('accept')) merged.set('Accept', accept);
  return merged;
}

function pagedIds(table: OperationTable): string[] {
  return Object.keys(table).filter((id) => table[id]?.pagination);
}

function toRequestError(
  error: unknown,
  method: string,
  url: string,
  timeout: AbortSignal | undefined,
  user: AbortSignal | undefined,
  timeoutMs: number,
  operationId: string,
): Error {
  if (error instanceof VeeamError) return error;
  const tooLarge = error instanceof BodyTooLarge ? error : error instanceof Error && error.cause instanceof BodyTooLarge ? error.cause : undefined;
  if (tooLarge) {
    const size = tooLarge.declared !== undefined ? `declares ${tooLarge.declared} bytes` : `streamed past ${tooLarge.limit} bytes`;
    return new VeeamResponseError('too-large', `${operationId}: the ${tooLarge.status} response ${size}, over maxResponseBytes (${tooLarge.limit}).`, {
      status: tooLarge.status,
      operationId,
      contentType: tooLarge.contentType,
    });
  }
  if (timeout?.aborted && !user?.aborted) {
    return new VeeamRequestError('timeout', `${method} ${url} timed out after ${timeoutMs} ms.`, { method, url, cause: error });
  }
  if (user?.aborted) return new VeeamRequestError('aborted', `${method} ${url} was aborted by the caller.`, { method, url, cause: error });
  const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return new VeeamRequestError('network', `${method} ${url} failed: ${reason}`, { method, url, cause: error });
}
