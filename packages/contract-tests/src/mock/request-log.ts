/**
 * The mock's bounded request log. It kept every request with its body forever: 600 POSTs of 900 KB
 * grew the RSS from 106 to 693 MB. Now it keeps the newest `maxEntries` requests, and bodies only as
 * asked: by default small ones (the token and logon forms tests look at), all of them on request,
 * always within a total byte budget (the oldest kept bodies are dropped first).
 */
import type { IncomingMessage } from 'node:http';

/** One request the mock received. */
export interface MockRequestLog {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage['headers'];
  /** Request body as text; empty when there was none or it was not kept (see `bodyKept`). */
  body: string;
  /** Size of the request body in bytes, kept or not. */
  bodyBytes: number;
  /** False when the body was not kept ({@link RequestLogOptions.bodies}, budget) or dropped since. */
  bodyKept: boolean;
  /** Status the mock answered (0 when the hook handled the request). */
  status: number;
  /** Matched operation, if any. */
  operationId?: string;
}

/** Limits of the request log. */
export interface RequestLogOptions {
  /** Requests kept; older ones are dropped. @default 1000 */
  maxEntries?: number;
  /**
   * Which bodies are kept: `small` (at most 4 KiB each: token and logon forms, small JSON), `all`
   * (each up to the mock's 1 MiB request limit), or `none`. @default 'small'
   */
  bodies?: 'none' | 'small' | 'all';
  /** Total bytes of bodies kept across the log; the oldest kept bodies are dropped first. @default 4 MiB */
  maxBodyBytes?: number;
}

/** Largest body kept with `bodies: 'small'`. */
export const SMALL_BODY_BYTES = 4 * 1024;

/** The log: `entries` is the newest requests in arrival order (the array the mock exposes). */
export class RequestLog {
  readonly entries: MockRequestLog[] = [];
  /** Requests seen in all, including those no longer in `entries`. */
  received = 0;
  /** Bytes of the bodies kept right now. */
  keptBodyBytes = 0;
  private readonly maxEntries: number;
  private readonly bodies: NonNullable<RequestLogOptions['bodies']>;
  private readonly maxBodyBytes: number;

  constructor(options: RequestLogOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 1000);
    this.bodies = options.bodies ?? 'small';
    this.maxBodyBytes = Math.max(0, options.maxBodyBytes ?? 4 * 1024 * 1024);
  }

  /** Logs a request as it arrives (body not read yet); drops the oldest entry beyond the limit. */
  add(req: IncomingMessage): MockRequestLog {
    const entry: MockRequestLog = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: '', bodyBytes: 0, bodyKept: false, status: 0 };
    this.received++;
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries) this.forget(this.entries.shift()!);
    return entry;
  }

  /** Records the body of a logged request, keeping its text when the options and the budget allow. */
  setBody(entry: MockRequestLog, text: string, bytes: number): void {
    entry.bodyBytes = bytes;
    const wanted = this.bodies === 'all' || (this.bodies === 'small' && bytes <= SMALL_BODY_BYTES);
    if (!wanted || bytes === 0 || bytes > this.maxBodyBytes || !this.entries.includes(entry)) return;
    // Make room: drop the oldest kept bodies first.
    for (let i = 0; this.keptBodyBytes + bytes > this.maxBodyBytes && i < this.entries.length; i++) this.forget(this.entries[i]!);
    entry.body = text;
    entry.bodyKept = true;
    this.keptBodyBytes += bytes;
  }

  private forget(entry: MockRequestLog): void {
    if (!entry.bodyKept) return;
    this.keptBodyBytes -= entry.bodyBytes;
    entry.body = '';
    entry.bodyKept = false;
  }
}
