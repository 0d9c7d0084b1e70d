// Shared helpers of the m365 tests: the spec-driven mock and a client of it.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, type M365ClientOptions } from '../src/index.js';

/** Credentials of the mock's default user. */
export const AUTH = { username: 'admin', password: 'password' };

/** Starts the VB365 mock on 127.0.0.1. */
export function startM365(options: Omit<Parameters<typeof startMockServer>[0], 'product'> = {}): Promise<MockServer> {
  return startMockServer({ product: 'm365', ...options });
}

/** A client of the mock. */
export function m365Client(mock: MockServer, options: Partial<M365ClientOptions> = {}) {
  return createClient({ baseUrl: mock.url, auth: AUTH, ...options });
}

/** grant_type of every token request the mock received. */
export function grants(mock: MockServer): (string | null)[] {
  return mock.requests.filter((r) => r.url.split('?')[0]!.toLowerCase().endsWith('/token')).map((r) => new URLSearchParams(r.body).get('grant_type'));
}

/** What the recorder received: every request with its headers and body. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A plain server on another loopback port (another origin than the mock): answers 200 to everything
 * and records every request, so a test can assert that no credential was sent to it.
 */
export async function startRecorder(): Promise<{ origin: string; received: Recorded[]; close(): Promise<void> }> {
  const received: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"access_token":"elsewhere","expires_in":3600}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
