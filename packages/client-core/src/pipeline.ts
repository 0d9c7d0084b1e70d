import type { AuthProvider } from './auth/types.js';
import { limitBody } from './body-limit.js';
import { CallRequest, replayableBody, SIGNAL_KEY } from './call-request.js';
import type { Logger } from './logger.js';
import { fetchFollowingRedirects, type RedirectListener } from './redirect.js';
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
 * The `fetch` handed to openapi-fetch: adds auth, re-authenticates once after a 401, and retries 429/503
 * answers as `Retry-After` says, within the retry policy. Redirects are followed within the call's
 * origin only (redirect.ts), and the body the caller reads is bounded by `maxResponseBytes` after
 * decompression (body-limit.ts). The request body is made re-sendable once so that every attempt can
 * resend it. Takes the CallRequest the client has openapi-fetch build, or a WHATWG Request when a call
 * brings its own middleware or fetch.
 */
export function createPipeline(options: PipelineOptions): (request: Request | CallRequest) => Promise<Response> {
  const { fetch, auth, retry, log, maxResponseBytes } = options;
  return async (request) => {
    const { method, url } = request;
    const signal = (request as unknown as Record<string, AbortSignal | undefined>)[SIGNAL_KEY];
    // The request openapi-fetch built is ours alone: auth sets its header on these headers, no copy.
    const headers = request.headers;
    let send: () => Promise<Response>;
    let attempt = 0;
    const onRedirect: RedirectListener | undefined = log && ((status, from, to) => log({ type: 'redirect', method, url: from, location: to, status, attempt }));
    if (request instanceof CallRequest) {
      // url + init straight to the transport: undici builds its one Request, as for a bare fetch().
      const init: RequestInit = { ...request.init, headers, body: await replayableBody(request.body, headers), signal: signal ?? null, redirect: 'manual' };
      send = () => fetchFollowingRedirects(fetch, url, init, request.init.redirect, onRedirect);
    } else {
      const body = request.body ? await request.arrayBuffer() : undefined;
      send = () =>
        body === undefined
          ? fetchFollowingRedirects(fetch, request, signal ? { signal } : {}, request.redirect, onRedirect)
          : fetchFollowingRedirects(fetch, url, { method, headers, body, signal: signal ?? null }, request.redirect, onRedirect);
    }
    let reauthenticated = false;
    let retries = 0;
    for (;;) {
      attempt++;
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
