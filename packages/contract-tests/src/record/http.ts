/**
 * A minimal HTTP(S) client for the recorder on node:http/https: no dependency, a hard timeout, a body
 * size cap, and `insecure` for self-signed Veeam certificates (EM and VB365 ship one by default).
 */
import http from 'node:http';
import https from 'node:https';
import { networkHint, RemoteError } from './errors.js';

/** A received response. */
export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Options of one request. */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Accept any TLS certificate. @default false */
  insecure?: boolean;
  /** @default 30000 */
  timeoutMs?: number;
  /** Bodies above this are an error. @default 64 MiB */
  maxBytes?: number;
}

/**
 * Sends one request and buffers the response.
 * @throws RemoteError naming the method and URL (network, TLS, timeout, size), with a hint when one helps
 */
export function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url);
  const lib = url.protocol === 'https:' ? https : http;
  const maxBytes = req.maxBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const r = lib.request(
      url,
      {
        method: req.method,
        headers: { ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}), ...req.headers },
        ...(url.protocol === 'https:' ? { rejectUnauthorized: !req.insecure } : {}),
        timeout: req.timeoutMs ?? 30000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            r.destroy(new RemoteError(`${req.method} ${req.url}: response larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (e: NodeJS.ErrnoException) => reject(e instanceof RemoteError ? e : new RemoteError(`${req.method} ${req.url}: ${e.message}`)));
      },
    );
    r.on('timeout', () => r.destroy(new RemoteError(`${req.method} ${req.url}: no answer within ${req.timeoutMs ?? 30000} ms`)));
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof RemoteError) return reject(e);
      reject(new RemoteError(`${req.method} ${req.url}: ${e.code ? `${e.code} ` : ''}${e.message}${networkHint(e.code)}`));
    });
    r.end(req.body);
  });
}
