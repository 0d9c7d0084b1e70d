import type { AuthProvider } from './auth/types.js';
import { CallRequest, replayableBody, SIGNAL_KEY } from './call-request.js';
import type { Logger } from './logger.js';
import { retryDelay, sleep, type RetryPolicy } from './retry-after.js';
import type { FetchLike } from './tls.js';

/** What the request pipeline is built from. */
export interface PipelineOptions {
  fetch: FetchLike;
  auth: AuthProvider | undefined;
  retry: RetryPolicy;
  log: Logger | undefined;
  /** Largest response body accepted, in bytes. */
  maxResponseBytes: number;
}

/** Thrown inside the pipeline when a body exceeds the limit; the client turns it into a VeeamResponseError. */
export class BodyTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly limit: number,
    readonly declared: number | undefined,
  ) {
    super(`response body exceeds ${limit} bytes`);
  }
}

/**
 * The `fetch` handed to openapi-fetch: adds auth, re-authenticates once after a 401, and retries 429/503
 * answers as `Retry-After` says, within the retry policy. The request body is made re-sendable once so
 * that every attempt can resend it. Takes the CallRequest the client has openapi-fetch build, or a
 * WHATWG Request when a call brings its own middleware or fetch.
 */
export function createPipeline(options: PipelineOptions): (request: Request | CallRequest) => Promise<Response> {
  const { fetch, auth, retry, log, maxResponseBytes } = options;
  return async (request) => {
    const { method, url } = request;
    const signal = (request as unknown as Record<string, AbortSignal | undefined>)[SIGNAL_KEY];
    // The request openapi-fetch built is ours alone: auth sets its header on these headers, no copy.
    const headers = request.headers;
    let send: () => Promise<Response>;
    if (request instanceof CallRequest) {
      // url + init straight to the transport: undici builds its one Request, as for a bare fetch().
      const init: RequestInit = { ...request.init, headers, body: await replayableBody(request.body, headers), signal: signal ?? null };
      send = () => fetch(url, init);
    } else {
      const body = request.body ? await request.arrayBuffer() : undefined;
      send = () =>
        body === undefined ? fetch(request, signal ? { signal } : undefined) : fetch(url, { method, headers, body, signal: signal ?? null, redirect: request.redirect });
    }
    let reauthenticated = false;
    let retries = 0;
    for (let attempt = 1; ; attempt++) {
      const used = auth ? await auth.authorize(headers, signal) : undefined;
      log?.({ type: 'request', method, url, attempt });
      const response = await send();
      log?.({ type: 'response', method, url, status: response.status, attempt });
      if (response.status === 401 && auth && !reauthenticated) {
        // EM sessions and OAuth tokens can expire server-side before we expect: one fresh logon, one retry.
        reauthenticated = true;
        await response.body?.cancel();
        auth.invalidate(used);
        log?.({ type: 'auth', action: 'reauthenticate', url });
        continue;
      }
      if (response.status === 429 || response.status === 503) {
        const delayMs = retryDelay(retry, retries, response.headers.get('retry-after'));
        if (delayMs !== undefined) {
          retries++;
          await response.body?.cancel();
          log?.({ type: 'retry', method, url, status: response.status, delayMs, attempt });
          await sleep(delayMs, signal);
          continue;
        }
      }
      return limitBody(response, maxResponseBytes);
    }
  };
}

/**
 * Refuses bodies over `limit` before they are buffered: at once when Content-Length says so, else while
 * streaming (a chunked answer has no length up front). Small declared bodies pass untouched.
 */
function limitBody(response: Response, limit: number): Response {
  const contentType = response.headers.get('content-type') ?? '';
  const declared = response.headers.get('content-length');
  if (declared !== null) {
    if (Number(declared) <= limit) return response;
    void response.body?.cancel();
    throw new BodyTooLarge(response.status, contentType, limit, Number(declared));
  }
  if (!response.body) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new BodyTooLarge(response.status, contentType, limit, undefined));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}
