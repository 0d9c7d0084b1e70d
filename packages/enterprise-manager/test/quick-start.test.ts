import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '@veeam-rest/contract-tests/mock';
import { quickStart } from '../examples/quick-start.js';
import { AUTH, startEm } from './support.js';

describe('README quick start runs against the spec mock', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startEm();
  });
  afterAll(() => mock?.close());

  it('prints the sessions, the followed entity and the XML read, and logs off', async () => {
    const lines = await quickStart(mock.url, AUTH.username, AUTH.password);
    expect(lines[0]).toMatch(/^first session: .+@/);
    expect(lines[1]).toMatch(/^sessions: [1-9]\d*$/);
    expect(lines[2]).toMatch(/^via XML: .+@/);
    expect(mock.requests.at(-1)!.method).toBe('DELETE');
  });
});
