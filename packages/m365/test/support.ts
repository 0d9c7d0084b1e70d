// Shared helpers of the m365 tests: the spec-driven mock and a client of it.
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
