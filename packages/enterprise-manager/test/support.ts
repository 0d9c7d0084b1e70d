// Shared helpers of the enterprise-manager tests: the spec-driven mock and the spec's example files.
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
