import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createVeeamClient, sessionAuth, VeeamConfigError } from '../src/index.js';
import { spec, table } from './support/fixture.js';
import { json, startServer, type TestServer } from './support/server.js';

const PASSWORD = 'Pa55-URL-CANARY';

function create(baseUrl: unknown) {
  return () => createVeeamClient({ baseUrl } as { baseUrl: string }, { spec, operations: table, auth: sessionAuth({ username: 'admin', password: 'x' }) });
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('baseUrl with credentials is refused without echoing the password', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('user:password@ in baseUrl: VeeamConfigError credentials-in-url showing user:***@; no request is made', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const url = `${server.origin.replace('://', `://admin:${PASSWORD}@`)}/v1`;
    const failure = caught(create(url));
    expect(failure).toBeInstanceOf(VeeamConfigError);
    expect(failure).toMatchObject({
      code: 'credentials-in-url',
      option: 'baseUrl',
      message: `baseUrl must not carry credentials, got "${server.origin.replace('://', '://admin:***@')}/v1"; pass them as auth: { username, password } (sent only to the logon or token endpoint).`,
    });
    const shown = [(failure as Error).message, (failure as Error).stack, inspect(failure, { depth: 5, showHidden: true }), JSON.stringify(failure)].join('\n');
    expect(shown).not.toContain(PASSWORD);
    expect(server.requests).toEqual([]);
  });

  it.each([
    ['a percent-encoded password', `http://admin:${encodeURIComponent(PASSWORD + '@/:')}@127.0.0.1:9398/api`, 'http://admin:***@127.0.0.1:9398/api'],
    ['a user without password', 'https://admin@127.0.0.1:9398/api', 'https://admin@127.0.0.1:9398/api'],
  ])('%s is refused too', (_name, url, shown) => {
    const failure = caught(create(url));
    expect(failure).toMatchObject({ name: 'VeeamConfigError', code: 'credentials-in-url', message: expect.stringContaining(`got "${shown}"`) });
    expect((failure as Error).message).not.toContain(PASSWORD);
  });

  it('an unparseable URL holding a password is refused as before (TypeError) with the password masked', () => {
    const failure = caught(create(`http://admin:${PASSWORD}/x@127.0.0.1:notaport/api`));
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).message).toBe('baseUrl must be an absolute http(s) URL such as https://host:9398/api, got "http://admin:***@127.0.0.1:notaport/api"');
  });

  it('a plain baseUrl is accepted', () => {
    expect(typeof create('https://em.example.com:9398/api/')().GET).toBe('function');
  });
});

describe('a per-call baseUrl is refused at run time (the types refuse it too)', () => {
  let server: TestServer;
  let other: TestServer;
  afterEach(() => Promise.all([server?.close(), other?.close()]));

  it('no request reaches either server and the message says why', async () => {
    server = await startServer((_req, res) => json(res, 201, {}, { 'X-RestSvcSessionId': 'SESSION-CANARY' }));
    other = await startServer((_req, res) => json(res, 200, {}));
    const client = createVeeamClient({ baseUrl: `${server.origin}/v1` }, { spec, operations: table, auth: sessionAuth({ username: 'admin', password: 'x' }) });
    const init = { params: { path: { id: '1' } }, baseUrl: `${other.origin}/v1` } as unknown as Parameters<typeof client.GET>[1];
    await expect(client.GET('/Items/{id}' as never, init as never)).rejects.toThrow(/getItem: the init key 'baseUrl' is not supported per call \(credentials go only to the client's baseUrl/);
    expect(other.requests).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

