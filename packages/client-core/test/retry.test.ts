import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../src/index.js';
import { fixtureClient } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['seconds', '3', 3000],
    ['zero', '0', 0],
    ['HTTP date', 'Thu, 01 Jan 2026 00:00:02 GMT', 2000],
    ['date in the past', 'Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['negative', '-1', undefined],
  ])('%s', (_name, header, want) => {
    expect(parseRetryAfter(header, now)).toBe(want);
  });
  it('absent header', () => expect(parseRetryAfter(null, now)).toBeUndefined());
});

describe('429 / 503 retries', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  /** Answers `failures` times with `status` + headers, then 200. */
  async function flaky(failures: number, status: number, headers: () => Record<string, string>) {
    let calls = 0;
    return startServer((_req, res) => {
      if (calls++ < failures) return json(res, status, { message: 'slow down' }, headers());
      return json(res, 200, { id: 'a', name: `after ${calls - 1}` });
    });
  }

  it('429 with Retry-After seconds: waits and retries', async () => {
    server = await flaky(2, 429, () => ({ 'Retry-After': '0' }));
    const client = fixtureClient(server.origin, { retry: { maxRetries: 3 } });
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'after 2' });
    expect(server.requests).toHaveLength(3);
  });

  it('429: gives up after maxRetries and returns the 429 as a typed error', async () => {
    server = await flaky(10, 429, () => ({ 'Retry-After': '0' }));
    const client = fixtureClient(server.origin, { retry: { maxRetries: 2 } });
    const { data, error } = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ status: 429, operationId: 'getItem', body: { message: 'slow down' } });
    expect(server.requests).toHaveLength(3);
  });

  it('503 with Retry-After as an HTTP date is honoured', async () => {
    // One second ahead; HTTP dates have second resolution, so the server names floor(retryAt / 1 s).
    const seen: number[] = [];
    let retryAt = 0;
    server = await startServer((_req, res) => {
      seen.push(Date.now());
      if (seen.length > 1) return json(res, 200, { id: 'a', name: 'after 1' });
      retryAt = Math.floor((Date.now() + 1000) / 1000) * 1000;
      return json(res, 503, { message: 'busy' }, { 'Retry-After': new Date(retryAt).toUTCString() });
    });
    const { data } = await fixtureClient(server.origin).GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a', name: 'after 1' });
    expect(seen).toHaveLength(2);
    expect(seen[1]!).toBeGreaterThanOrEqual(retryAt - 5); // timer granularity
  });

  it('a Retry-After beyond maxDelayMs is not waited for: the error comes back at once', async () => {
    server = await flaky(1, 503, () => ({ 'Retry-After': '3600' }));
    const client = fixtureClient(server.origin, { retry: { maxDelayMs: 1000 } });
    const { error } = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(error?.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('without Retry-After uses exponential backoff from baseDelayMs', async () => {
    server = await flaky(2, 503, () => ({}));
    const events: number[] = [];
    const client = fixtureClient(server.origin, {
      retry: { baseDelayMs: 5 },
      logger: (e) => e.type === 'retry' && events.push(e.delayMs),
    });
    const { data } = await client.GET('/Items/{id}', { params: { path: { id: 'a' } } });
    expect(data?.name).toBe('after 2');
    expect(events).toEqual([5, 10]);
  });

  it('a POST body is sent again on the retry', async () => {
    server = await flaky(1, 429, () => ({ 'Retry-After': '0' }));
    const client = fixtureClient(server.origin);
    await client.POST('/Items', { body: { name: 'new' } });
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"new"}', '{"name":"new"}']);
    expect(server.requests[1]!.headers['content-type']).toBe('application/json');
  });

  it('rejects a nonsense retry policy with a clear message', () => {
    expect(() => fixtureClient('http://127.0.0.1:1', { retry: { maxRetries: -1 } })).toThrow('retry.maxRetries must be a finite number >= 0, got -1');
  });
});
