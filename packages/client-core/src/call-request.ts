/**
 * Init key carrying the call's AbortSignal past openapi-fetch. A WHATWG Request following a signal costs
 * a second AbortSignal plus a listener per call, so the signal travels beside the request instead and is
 * handed to the transport's one Request.
 */
export const SIGNAL_KEY = 'veeamSignal';

/**
 * What openapi-fetch builds per call in place of a WHATWG `Request` (its `Request` option): the URL and
 * init it computed, kept as they are. The pipeline passes them to the transport as `fetch(url, init)`, so
 * undici builds exactly one Request per attempt, as a bare `fetch()` does, instead of constructing one
 * here, re-wrapping it there, and validating headers twice. Only used when the call brings no
 * middleware or fetch of its own (those get a real Request).
 */
export class CallRequest {
  /** Absolute URL with the serialized path and query. */
  readonly url: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The headers openapi-fetch merged; a fresh object per call, so auth may set its header on it. */
  readonly headers: Headers;
  /** The serialized body, as openapi-fetch's bodySerializer returned it. */
  readonly body: BodyInit | undefined;
  /** The rest of the init (redirect and any caller extras), forwarded to the transport. */
  readonly init: RequestInit;
  /** The call's timeout and/or caller signal. */
  readonly [SIGNAL_KEY]: AbortSignal | undefined;

  constructor(url: string, init: RequestInit & { headers: Headers; [SIGNAL_KEY]?: AbortSignal | undefined }) {
    const { [SIGNAL_KEY]: signal, ...rest } = init;
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers;
    this.body = init.body ?? undefined;
    this.init = rest;
    this[SIGNAL_KEY] = signal;
  }
}

/**
 * The body as it can be sent on every attempt (a 401 re-logon or a 429/503 retry resends it). Strings,
 * bytes, Blobs, FormData and URLSearchParams are re-readable as they are; anything else (a stream) is
 * buffered once, like a WHATWG Request would, setting the Content-Type the body implies when none is set.
 */
export async function replayableBody(body: BodyInit | undefined, headers: Headers): Promise<BodyInit | undefined> {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body;
  if (body instanceof Blob || body instanceof FormData || body instanceof URLSearchParams) return body;
  const buffered = new Response(body);
  const type = buffered.headers.get('content-type');
  if (type !== null && !headers.has('content-type')) headers.set('Content-Type', type);
  return buffered.arrayBuffer();
}
