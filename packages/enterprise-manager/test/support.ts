// Shared helpers of the enterprise-manager tests: the spec-driven mock and the spec's example files.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';
import { createClient, type EnterpriseManagerClientOptions } from '../src/index.js';

/** specs/enterprise-manager/examples. */
export const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../specs/enterprise-manager/examples');

/** Credentials of the mock's default user. */
export const AUTH = { username: 'admin', password: 'password' };

/** Starts the EM mock (127.0.0.1, ephemeral port). */
export function startEm(options: { tokenTtlSeconds?: number; hook?: Parameters<typeof startMockServer>[0]['hook'] } = {}): Promise<MockServer> {
  return startMockServer({ product: 'enterprise-manager', ...options });
}

/** A client of the mock. */
export function emClient(mock: MockServer, options: Partial<EnterpriseManagerClientOptions> = {}) {
  return createClient({ baseUrl: mock.url, auth: AUTH, ...options });
}

/** One JSON/XML example pair: `<operationId>/<status>[-variant].{json,xml}`. */
export interface ExamplePair {
  operationId: string;
  status: number;
  variant: string | undefined;
  json: string;
  xml: string;
}

/** Every example that exists in both media types. */
export function examplePairs(): ExamplePair[] {
  const pairs: ExamplePair[] = [];
  for (const dir of readdirSync(EXAMPLES).sort()) {
    for (const file of readdirSync(path.join(EXAMPLES, dir)).sort()) {
      const m = /^(\d{3})(?:-([\w-]+))?\.json$/.exec(file);
      if (!m) continue;
      const xmlFile = path.join(EXAMPLES, dir, file.replace(/\.json$/, '.xml'));
      let xml: string;
      try {
        xml = readFileSync(xmlFile, 'utf8');
      } catch {
        continue;
      }
      pairs.push({ operationId: dir, status: Number(m[1]), variant: m[2], json: readFileSync(path.join(EXAMPLES, dir, file), 'utf8'), xml });
    }
  }
  return pairs;
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
