/**
 * HAR 1.2 input (browser devtools "Save all as HAR with content"): every entry whose URL belongs to a
 * Veeam API becomes a check item named `file.har#/log/entries/N`.
 */
import { InputError } from '../cli/errors.js';
import type { CheckItem, SkippedInput } from '../recordings/item.js';
import type { LoadOptions } from '../recordings/load.js';

/** Items and skipped entries of one HAR file. */
export interface HarInputs {
  items: CheckItem[];
  skipped: SkippedInput[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function header(headers: unknown, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  const hit = headers.find((h) => isObject(h) && typeof h.name === 'string' && h.name.toLowerCase() === name);
  return hit && typeof hit.value === 'string' ? hit.value : undefined;
}

/**
 * Parses a HAR document. An entry is checked when an API of the specs serves its URL (among the
 * versions of `--product`, or `--api` itself); the others (other sites) are skipped.
 * @param display the file name used in messages and item sources
 * @throws InputError for text that is not a HAR (names the file and the JSON pointer)
 */
export function parseHar(text: string, display: string, options: Pick<LoadOptions, 'route' | 'product' | 'api'>): HarInputs {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`${display}: not a HAR file, invalid JSON (${(err as Error).message})`);
  }
  const entries = isObject(doc) && isObject(doc.log) ? doc.log.entries : undefined;
  if (!Array.isArray(entries)) throw new InputError(`${display}#/log/entries: expected an array of HAR entries`);
  const items: CheckItem[] = [];
  const skipped: SkippedInput[] = [];
  entries.forEach((entry: unknown, i) => {
    const at = `${display}#/log/entries/${i}`;
    const req = isObject(entry) ? entry.request : undefined;
    const res = isObject(entry) ? entry.response : undefined;
    if (!isObject(req) || typeof req.url !== 'string' || typeof req.method !== 'string') {
      throw new InputError(`${at}/request: expected an object with string "method" and "url"`);
    }
    if (!isObject(res) || typeof res.status !== 'number') {
      throw new InputError(`${at}/response/status: expected a number`);
    }
    const scope = { ...(options.product !== undefined ? { product: options.product } : {}), ...(options.api !== undefined ? { api: options.api } : {}) };
    const api = options.route({ ...scope, method: req.method, url: req.url });
    if (api === undefined) {
      skipped.push({ source: at, reason: `not a URL of ${options.api ?? options.product ?? 'any API'} in the specs: ${req.url}` });
      return;
    }
    const content = isObject(res.content) ? res.content : {};
    const contentType = header(res.headers, 'content-type') ?? (typeof content.mimeType === 'string' && content.mimeType !== '' ? content.mimeType : undefined);
    const item: CheckItem = { source: at, ...scope, api, method: req.method.toUpperCase(), url: req.url, status: res.status, ...(contentType ? { contentType } : {}) };
    if (res.status === 0) {
      item.problem = 'no response in the HAR (status 0: the request failed, was blocked or is still pending)';
    } else if (typeof content.text === 'string') {
      item.body = content.encoding === 'base64' ? new Uint8Array(Buffer.from(content.text, 'base64')) : new Uint8Array(Buffer.from(content.text, 'utf8'));
    } else if (content.size === 0 || res.status === 204 || res.status === 304) {
      item.body = new Uint8Array();
    } else {
      item.problem = 'the HAR entry has no response body content (save the HAR "with content")';
    }
    items.push(item);
  });
  return { items, skipped };
}
