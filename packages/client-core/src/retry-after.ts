/**
 * Parses a `Retry-After` header (RFC 9110: delay-seconds or an HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unparsable; a date in the past gives 0.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse takes '-1' or '2026' as years; an HTTP-date always names a weekday and a month.
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Retry policy for 429 and 503 answers. */
export interface RetryOptions {
  /**
   * Retries after the first attempt; 0 disables retrying.
   * @default 3
   */
  maxRetries?: number;
  /**
   * Longest wait the client accepts; a `Retry-After` asking for more gives up at once and returns the error.
   * @default 30000
   */
  maxDelayMs?: number;
  /**
   * First backoff when the server sends no `Retry-After`; doubles on each retry (capped by maxDelayMs).
   * @default 500
   */
  baseDelayMs?: number;
}

/** Resolved retry policy. */
export type RetryPolicy = Required<RetryOptions>;

/** Fills defaults and rejects nonsense values with a clear message. */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = { maxRetries: 3, maxDelayMs: 30_000, baseDelayMs: 500, ...options };
  for (const [key, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new TypeError(`retry.${key} must be a finite number >= 0, got ${String(value)}`);
    }
  }
  return policy;
}

/**
 * Delay before retry number `retry` (0-based) of a 429/503 answer, or undefined when the policy says give up.
 */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfter: string | null, now?: number): number | undefined {
  if (retry >= policy.maxRetries) return undefined;
  const asked = parseRetryAfter(retryAfter, now);
  const delay = asked ?? Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return delay > policy.maxDelayMs ? undefined : delay;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
