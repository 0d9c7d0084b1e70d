import { VeeamRequestError } from './errors.js';
import type { FetchLike } from './tls.js';

/** Most redirects an API call follows (fetch's own limit is 20; Veeam APIs are not known to redirect at all). */
export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Headers that describe the request body; dropped when a redirect turns the request into a body-less GET.
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** Called for every redirect that is followed. */
export type RedirectListener = (status: number, from: string, to: string) => void;

/**
 * Sends an API call and follows its redirects itself (the transport gets `redirect: 'manual'`), within
 * the call's origin only. A same-origin hop keeps the headers (the session header or bearer token) and,
 * for 307/308, the body; 301/302 after a POST and 303 turn into a body-less GET, as fetch does. A
 * redirect to another origin is refused with VeeamRequestError `redirect` instead of being followed:
 * fetch would carry `X-RestSvcSessionId` (it strips only `Authorization`) and re-post a 307/308 body
 * there, and a request stripped of them would only meet a 401 that triggers a new logon. Veeam's APIs
 * answer under the base URL, so a cross-origin redirect means a wrong baseUrl or a hostile server.
 * @param init sent as given, with `redirect: 'manual'` (set here when missing)
 * @param mode the call's `redirect` option: `follow` (the default) as above, `manual` hands the 3xx
 *   answer back, `error` refuses any redirect.
 */
export async function fetchFollowingRedirects(
  fetch: FetchLike,
  input: string | Request,
  init: RequestInit,
  mode: RequestRedirect | undefined,
  onRedirect?: RedirectListener,
): Promise<Response> {
  if (mode === 'manual') return fetch(input, init);
  let hopInput = input;
  let hopInit: RequestInit = init.redirect === 'manual' ? init : { ...init, redirect: 'manual' };
  const method = (hopInit.method ?? (typeof input === 'string' ? 'GET' : input.method)).toUpperCase();
  let hopMethod = method;
  for (let hop = 0; ; hop++) {
    const response = await fetch(hopInput, hopInit);
    if (!REDIRECTS.has(response.status)) return response;
    const location = response.headers.get('location');
    if (location === null) return response; // nothing to follow: the 3xx is the answer
    await response.body?.cancel();
    const from = typeof hopInput === 'string' ? hopInput : hopInput.url;
    const origin = new URL(from).origin;
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw new VeeamRequestError('redirect', `${method} ${from} answered ${response.status} with an invalid Location; not followed.`, { method, url: from });
    }
    if (mode === 'error') {
      throw new VeeamRequestError('redirect', `${method} ${from} answered ${response.status} (redirect to ${describeUrl(target)}) and the call set redirect: 'error'.`, { method, url: from });
    }
    if (target.origin !== origin) {
      throw new VeeamRequestError(
        'redirect',
        `${method} ${from} was redirected (${response.status}) to another origin, ${describeUrl(target)}; not followed, so the session header, token and body stay with ${origin}. Check baseUrl.`,
        { method, url: from },
      );
    }
    if (hop >= MAX_REDIRECTS) {
      throw new VeeamRequestError('redirect', `${method} ${from} was redirected more than ${MAX_REDIRECTS} times (last ${response.status} to ${describeUrl(target)}); stopped.`, {
        method,
        url: from,
      });
    }
    // A Location with user:password@ would make fetch() throw with the URL, password included, in its message.
    target.username = '';
    target.password = '';
    onRedirect?.(response.status, from, target.href);
    const toGet = (response.status === 303 && hopMethod !== 'GET' && hopMethod !== 'HEAD') || ((response.status === 301 || response.status === 302) && hopMethod === 'POST');
    if (toGet) {
      const headers = new Headers(hopInit.headers ?? (typeof hopInput === 'string' ? undefined : hopInput.headers));
      for (const name of BODY_HEADERS) headers.delete(name);
      hopMethod = 'GET';
      hopInit = { ...hopInit, method: 'GET', body: null, headers };
    } else if (typeof hopInput !== 'string' && hopInit.headers === undefined) {
      hopInit = { ...hopInit, method: hopMethod, headers: hopInput.headers };
    }
    hopInput = target.href;
  }
}

/** Origin and path of a URL, for messages: no query (it may carry anything) and no userinfo. */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * For auth requests, which never follow redirects (they carry the password or the session): a phrase
 * naming a 3xx answer and where it pointed, e.g. `answered 307 (a redirect to http://host:8443/token)`,
 * or undefined when `response` is no redirect.
 */
export function describeRedirect(response: Response, requestUrl: string): string | undefined {
  if (response.status < 300 || response.status > 399) return undefined;
  const location = response.headers.get('location');
  let target = 'without a Location';
  if (location !== null) {
    try {
      target = `to ${describeUrl(new URL(location, requestUrl))}`;
    } catch {
      target = 'to an invalid Location';
    }
  }
  return `answered ${response.status} (a redirect ${target})`;
}
