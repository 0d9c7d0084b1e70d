// Request bodies through the CallRequest path (and the real-Request path taken when a call brings its own
// middleware or fetch) must reach the server byte for byte, on the first send and on every resend: after a
// 401 re-logon and after a 429 retry. The server is a real node:http server on 127.0.0.1 that keeps the raw
// bytes (the shared test server decodes bodies as UTF-8, which would hide binary differences).
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthFactory } from '../src/index.js';
import { CallRequest, replayableBody, SIGNAL_KEY } from '../src/call-request.js';
import { fixtureClient } from './support/fixture.js';

interface RawRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type Scenario = '401 re-logon' | '429 retry' | '401 then 429';

/**
 * Answers POST /v1/Items per scenario: 401 to the first token (re-logon), or 429 Retry-After: 0 once,
 * or both in turn; then 201. Every request is kept with its raw body.
 */
async function rawServer(scenario: Scenario) {
  const requests: RawRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const n = requests.length;
      const reject401 = scenario !== '429 retry' && req.headers.authorization === 'Bearer t1';
      const reject429 = (scenario === '429 retry' && n === 1) || (scenario === '401 then 429' && n === 2);
      const [status, extra] = reject401 ? [401, {}] : reject429 ? [429, { 'Retry-After': '0' }] : [201, {}];
      const text = JSON.stringify({ id: `r${n}`, name: 'created' });
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...extra });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { origin, requests, close };
}

/** Bearer tokens t1, t2, ...: a 401 invalidates the current one, so the resend carries the next. */
const bearer: AuthFactory = () => {
  let generation = 1;
  return {
    async authorize(headers) {
      headers.set('Authorization', `Bearer t${generation}`);
      return generation;
    },
    invalidate(used) {
      if (used === generation) generation++;
    },
    async close() {},
  };
};

/** Every byte value, twice, plus invalid UTF-8 sequences: a lossy text round trip would change it. */
const BINARY = new Uint8Array([...Array.from({ length: 512 }, (_, i) => i % 256), 0xc3, 0x28, 0xff, 0xfe, 0x00]);

function streamOf(bytes: Uint8Array, chunk = 100): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

interface BodyCase {
  /** Extra init for client.POST (body, serializer, headers). Built per call: streams are single-use. */
  init: () => Record<string, unknown>;
  bytes: Buffer;
  contentType: string;
}

const identity = (body: unknown) => body;
const JSON_BODY = { name: 'Jürgen 😀', tags: ['a', 'b'], nested: { quote: '"', slash: '/' } };
const FORM = { name: 'a b&c=d', city: 'Zürich', plus: '1+1' };

const bodies: Record<string, BodyCase> = {
  JSON: {
    init: () => ({ body: JSON_BODY }),
    bytes: Buffer.from(JSON.stringify(JSON_BODY)),
    contentType: 'application/json',
  },
  'URL-encoded (object + openapi-fetch serializer)': {
    init: () => ({ body: FORM, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    bytes: Buffer.from(new URLSearchParams(FORM).toString()),
    contentType: 'application/x-www-form-urlencoded',
  },
  'URL-encoded (URLSearchParams object)': {
    init: () => ({ body: new URLSearchParams(FORM), bodySerializer: identity, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    bytes: Buffer.from(new URLSearchParams(FORM).toString()),
    contentType: 'application/x-www-form-urlencoded',
  },
  Blob: {
    init: () => ({ body: new Blob([BINARY]), bodySerializer: identity, headers: { 'Content-Type': 'application/octet-stream' } }),
    bytes: Buffer.from(BINARY),
    contentType: 'application/octet-stream',
  },
  Uint8Array: {
    init: () => ({ body: BINARY.slice(), bodySerializer: identity, headers: { 'Content-Type': 'application/octet-stream' } }),
    bytes: Buffer.from(BINARY),
    contentType: 'application/octet-stream',
  },
  stream: {
    init: () => ({ body: streamOf(BINARY), bodySerializer: identity, headers: { 'Content-Type': 'application/octet-stream' } }),
    bytes: Buffer.from(BINARY),
    contentType: 'application/octet-stream',
  },
};

type Post = (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function postOf(origin: string): Post {
  const client = fixtureClient(origin, { retry: { maxRetries: 2 } }, bearer);
  return client.POST as unknown as Post;
}

/** The sends of one call as the server saw them. */
function expectSameBodyEverywhere(requests: RawRequest[], want: BodyCase, sends: number) {
  expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(sends).fill('POST /v1/Items'));
  for (const [i, r] of requests.entries()) {
    expect(r.body.equals(want.bytes), `send ${i + 1}: got ${r.body.length} bytes, want ${want.bytes.length}`).toBe(true);
    expect(r.headers['content-type'], `send ${i + 1}`).toBe(want.contentType);
    expect(Number(r.headers['content-length']), `send ${i + 1}`).toBe(want.bytes.length);
  }
}

const scenarios: [Scenario, string[], number][] = [
  ['401 re-logon', ['Bearer t1', 'Bearer t2'], 2],
  ['429 retry', ['Bearer t1', 'Bearer t1'], 2],
  ['401 then 429', ['Bearer t1', 'Bearer t2', 'Bearer t2'], 3],
];

describe('request bodies are resent byte-identical (CallRequest path)', () => {
  let server: Awaited<ReturnType<typeof rawServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const matrix = Object.keys(bodies).flatMap((kind) => scenarios.map(([scenario, auths, sends]) => [kind, scenario, auths, sends] as const));
  it.each(matrix)('%s body, %s', async (kind, scenario, auths, sends) => {
    server = await rawServer(scenario);
    const want = bodies[kind]!;
    const { data, error, response } = await postOf(server.origin)('/Items', want.init());
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data).toEqual({ id: `r${sends}`, name: 'created' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(auths);
    expectSameBodyEverywhere(server.requests, want, sends);
  });

  it('the caller keeps its own body: a Uint8Array it passed is not detached or changed by the call', async () => {
    server = await rawServer('401 re-logon');
    const mine = BINARY.slice();
    await postOf(server.origin)('/Items', { body: mine, bodySerializer: identity, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(Buffer.from(mine).equals(Buffer.from(BINARY))).toBe(true);
    expectSameBodyEverywhere(server.requests, bodies.Uint8Array!, 2);
  });
});

describe('calls with their own middleware or fetch get a real Request', () => {
  let server: Awaited<ReturnType<typeof rawServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(['JSON', 'URL-encoded (object + openapi-fetch serializer)', 'Blob'])(
    'middleware sees a WHATWG Request with the %s body; the 401 resend carries the same bytes',
    async (kind) => {
      server = await rawServer('401 re-logon');
      const want = bodies[kind]!;
      const seen: unknown[] = [];
      const texts: Buffer[] = [];
      const middleware = [
        {
          async onRequest({ request }: { request: Request }) {
            seen.push(request);
            texts.push(Buffer.from(await request.clone().arrayBuffer()));
          },
        },
      ];
      const { error } = await postOf(server.origin)('/Items', { ...want.init(), middleware });
      expect(error).toBeUndefined();
      expect(seen).toHaveLength(1); // middleware runs once per call; the pipeline resends below it
      const request = seen[0]!;
      expect(request).toBeInstanceOf(Request);
      expect(request).not.toBeInstanceOf(CallRequest);
      expect((request as Request).method).toBe('POST');
      expect((request as Request).url).toBe(`${server.origin}/v1/Items`);
      expect((request as Request).headers.get('content-type')).toBe(want.contentType);
      expect(texts[0]!.equals(want.bytes)).toBe(true);
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
      expectSameBodyEverywhere(server.requests, want, 2);
    },
  );

  it('a Request the middleware replaces is the one sent (and resent after a 429)', async () => {
    server = await rawServer('429 retry');
    const replaced = Buffer.from('{"name":"from middleware"}');
    const middleware = [
      {
        onRequest({ request }: { request: Request }) {
          const headers = new Headers(request.headers);
          headers.set('X-Added', 'yes');
          return new Request(request.url, { method: request.method, headers, body: replaced });
        },
      },
    ];
    const { error } = await postOf(server.origin)('/Items', { body: { name: 'original' }, middleware });
    expect(error).toBeUndefined();
    expect(server.requests.map((r) => r.headers['x-added'])).toEqual(['yes', 'yes']);
    expectSameBodyEverywhere(server.requests, { init: () => ({}), bytes: replaced, contentType: 'application/json' }, 2);
  });

  it('a per-call fetch receives a WHATWG Request it can send itself', async () => {
    server = await rawServer('429 retry');
    const seen: unknown[] = [];
    const fetch = (input: unknown, init?: RequestInit) => {
      seen.push(input);
      return globalThis.fetch(input as Request, init);
    };
    const want = bodies.JSON!;
    const { response } = await postOf(server.origin)('/Items', { ...want.init(), fetch });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    // A per-call fetch replaces the pipeline, retries included: the 429 comes straight back.
    expect(response.status).toBe(429);
    expectSameBodyEverywhere(server.requests, want, 1);
  });
});

describe('CallRequest', () => {
  it('keeps url, method, headers and body as given and carries the signal beside the init', () => {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    const signal = new AbortController().signal;
    const request = new CallRequest('http://127.0.0.1:1/v1/Items', { method: 'POST', headers, body: '{}', redirect: 'follow', [SIGNAL_KEY]: signal });
    expect(request.url).toBe('http://127.0.0.1:1/v1/Items');
    expect(request.method).toBe('POST');
    expect(request.headers).toBe(headers); // the same object: auth sets its header on it
    expect(request.body).toBe('{}');
    expect(request[SIGNAL_KEY]).toBe(signal);
    expect(request.init).toEqual({ method: 'POST', headers, body: '{}', redirect: 'follow' });
    expect(SIGNAL_KEY in request.init).toBe(false); // never forwarded to the transport as an init key
  });

  it('defaults to GET with no body and no signal', () => {
    const request = new CallRequest('http://127.0.0.1:1/', { headers: new Headers() });
    expect(request.method).toBe('GET');
    expect(request.body).toBeUndefined();
    expect(request[SIGNAL_KEY]).toBeUndefined();
  });
});

describe('replayableBody', () => {
  it.each([
    ['undefined', undefined],
    ['string', 'text'],
    ['ArrayBuffer', new ArrayBuffer(3)],
    ['Uint8Array', new Uint8Array([1, 2])],
    ['DataView', new DataView(new ArrayBuffer(2))],
    ['Blob', new Blob(['x'])],
    ['FormData', new FormData()],
    ['URLSearchParams', new URLSearchParams('a=1')],
  ] as [string, BodyInit | undefined][])('%s is re-readable as it is: returned unchanged', async (_name, body) => {
    const headers = new Headers();
    expect(await replayableBody(body, headers)).toBe(body);
    expect(Array.from(headers as unknown as Iterable<unknown>)).toEqual([]);
  });

  it('a stream is read once into bytes, exactly', async () => {
    const headers = new Headers({ 'Content-Type': 'application/octet-stream' });
    const out = await replayableBody(streamOf(BINARY, 7), headers);
    expect(out).toBeInstanceOf(ArrayBuffer);
    expect(Buffer.from(out as ArrayBuffer).equals(Buffer.from(BINARY))).toBe(true);
    expect(headers.get('content-type')).toBe('application/octet-stream');
  });
});
