import type { AuthProvider } from './auth/types.js';
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

/**
 * Init key carrying the call's AbortSignal past openapi-fetch: it copies unknown init keys onto its
 * Request, and handing the signal over this way spares undici a second signal-following chain (the
 * most expensive part of a call after the socket work).
 */
export const SIGNAL_KEY = 'veeamSignal';

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
 * answers as `Retry-After` says, within the retry policy. The request body is read once so that every
 * attempt can resend it.
 */
export function createPipeline(options: PipelineOptions): (request: Request) => Promise<Response> {
  const { fetch, auth, retry, log, maxResponseBytes } = options;
  return async (request) => {
    const { method, url } = request;
    const signal = (request as unknown as Record<string, AbortSignal | undefined>)[SIGNAL_KEY];
    const body = request.body ? await request.arrayBuffer() : undefined;
    let reauthenticated = false;
    let retries = 0;
    for (let attempt = 1; ; attempt++) {
      // The Request openapi-fetch built is ours alone: set auth on its headers instead of copying them.
      const headers = request.headers;
      const used = auth ? await auth.authorize(headers, signal) : undefined;
      log?.({ type: 'request', method, url, attempt });
      // Body-less requests go out as the Request openapi-fetch built: building a second one from url + init
      // costs more than the rest of the client together.
      const response = await (body === undefined ? fetch(request, signal ? { signal } : undefined) : fetch(url, { method, headers, body, signal: signal ?? null, redirect: request.redirect }));
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
