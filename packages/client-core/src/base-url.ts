import { VeeamConfigError } from './errors.js';

/**
 * Checks a client's `baseUrl` and returns it without trailing slashes. Refuses anything but an absolute
 * http(s) URL (TypeError) and a URL carrying `user:password@` (VeeamConfigError `credentials-in-url`):
 * credentials go in `auth`, where they are kept out of messages; a URL is echoed in errors and logs.
 * Messages show a refused URL with its password replaced by `***`.
 */
export function checkBaseUrl(baseUrl: unknown): string {
  let url: URL | undefined;
  if (typeof baseUrl === 'string' && /^https?:\/\//i.test(baseUrl)) {
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
  }
  if (url === undefined || typeof baseUrl !== 'string') {
    throw new TypeError(`baseUrl must be an absolute http(s) URL such as https://host:9398/api, got ${typeof baseUrl === 'string' ? JSON.stringify(redactUserinfo(baseUrl)) : String(baseUrl)}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new VeeamConfigError(
      'credentials-in-url',
      `baseUrl must not carry credentials, got ${JSON.stringify(redactUserinfo(baseUrl))}; pass them as auth: { username, password } (sent only to the logon or token endpoint).`,
      'baseUrl',
    );
  }
  return baseUrl.replace(/\/+$/, '');
}

/**
 * The URL text with the password of its userinfo (if any) replaced by `***`. Works on unparseable text
 * too: everything from the first ':' after `//` up to the last '@' is masked, so a password holding
 * '/' or '@' is never shown (at worst a port is masked too).
 */
export function redactUserinfo(text: string): string {
  const authority = text.indexOf('//');
  const at = text.lastIndexOf('@');
  if (authority === -1 || at < authority) return text;
  const userinfo = text.slice(authority + 2, at);
  const colon = userinfo.indexOf(':');
  return colon === -1 ? text : `${text.slice(0, authority + 2)}${userinfo.slice(0, colon)}:***${text.slice(at)}`;
}
