// A hostile corpus, generated at test time (never committed): XXE (file and URL), billion laughs, a
// 50 MB body, truncated JSON/XML, BOMs, non-UTF-8, wrong Content-Type, empty body, binary junk, a 4 MB
// body of 1.3 million errors (JSON and XML), 100k-deep JSON and XML, NUL in XML, a 70 KB root start
// tag and ANSI escapes in a recorded URL. Each must be a clear error from `check` (exit 1, a path and
// a message), never a crash, a hang, a pass, a file read, a network request or a raw escape on the
// terminal; a DOCTYPE inside a comment is no declaration and passes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSidecar } from '../src/recordings/sidecar.js';
import { packageDir, recordingsDir, runCli, tempDir } from './helpers.js';

const NS = 'http://www.veeam.com/ent/v1.0';
const SESSION = 'd46e39e0-1131-4585-91a7-e828ce7eafae';
const emXml = readFileSync(path.join(recordingsDir, 'enterprise-manager', 'getBackupSession', '200.xml'), 'utf8');
// No genuine EM JSON body of this operation is published: the spec's example is the base of the hostile variants.
const emJson = readFileSync(path.join(packageDir, '..', '..', 'specs', 'enterprise-manager', 'examples', 'getBackupSession', '200.json'), 'utf8');
const m365Json = readFileSync(path.join(recordingsDir, 'm365', 'listJobSessionsForJob', '200.json'), 'utf8');

interface Case {
  name: string;
  product: 'enterprise-manager' | 'm365';
  /** The request URL of the sidecar (default: the operation's usual one). */
  url?: string;
  body: Buffer | string;
  contentType: string;
  /** Outcomes that count as the clear error we expect. */
  outcomes: string[];
  /** The first error's message must match. */
  message: RegExp;
  /** The first error's path must match (JSON pointer or line:column). */
  path?: RegExp;
}

let tmp: ReturnType<typeof tempDir>;
let secretFile: string;
const SECRET = 'TOP-SECRET-do-not-read-7f3a';
let listener: http.Server;
let listenerHits = 0;
let listenerUrl: string;
let cases: Case[];
let bigLastIndex = 0;

function writeCase(c: Case): void {
  const isEm = c.product === 'enterprise-manager';
  const op = isEm ? 'getBackupSession' : 'listJobSessionsForJob';
  const dir = path.join(tmp.dir, 'corpus', c.product, op);
  mkdirSync(dir, { recursive: true });
  const ext = /json/.test(c.contentType) || (!/xml/.test(c.contentType) && !isEm) ? 'json' : 'xml';
  const file = path.join(dir, `200-${c.name}.${ext}`);
  writeFileSync(file, c.body);
  const url = c.url ?? (isEm ? `http://localhost:9399/api/backupSessions/${SESSION}` : 'https://vb365.example.com:4443/v3/Jobs/00b96531-1a68-4c90-a398-91141ffedb3b/JobSessions');
  writeFileSync(`${file}.meta.json`, formatSidecar({ method: 'GET', url, status: 200, contentType: c.contentType, origin: 'recorded' }));
}

/** A 50 MB JSON array of valid sessions whose last item has a misspelled status. */
function bigBody(): string {
  const item = (JSON.parse(m365Json) as unknown[])[0]!;
  const one = JSON.stringify(item);
  const n = Math.ceil((50 * 1024 * 1024) / (one.length + 1));
  const parts = new Array<string>(n).fill(one);
  parts[n - 1] = one.replace('"status":"Success"', '"status":"Sucess"');
  return `[${parts.join(',')}]`;
}

/** EM reference JSON whose Links are `n` empty objects: four errors each (n = 1.33M: 4 MB). */
function manyErrorsJson(n: number): string {
  const ref = JSON.parse(emJson) as Record<string, unknown>;
  return JSON.stringify({ ...ref, Links: Array.from({ length: n }, () => ({})) });
}

/** EM reference XML whose Links are `n` empty `<Link/>` elements (attributes missing). */
function manyErrorsXml(n: number): string {
  return emXml.replace(/<Links>[\s\S]*<\/Links>/, `<Links>${'<Link/>'.repeat(n)}</Links>`);
}

const MANY = 1_333_000;
const ANSI_URL = 'http://localhost:9399/api/\u001b[2J\u001b[31mnothing\u009b0m';

beforeAll(async () => {
  tmp = tempDir('hostile');
  secretFile = path.join(tmp.dir, 'secret.txt');
  writeFileSync(secretFile, SECRET);
  listener = http.createServer((_req, res) => {
    listenerHits++;
    res.end('<!ENTITY leak "leaked">');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

  const bigN = bigBody();
  bigLastIndex = (bigN.match(/"id":/g) ?? []).length - 1;
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
  cases = [
    { name: 'xxe-file', product: 'enterprise-manager', contentType: 'application/xml', body: `<?xml version="1.0"?>\n<!DOCTYPE EntityRef [<!ENTITY xxe SYSTEM "file://${secretFile}">]>\n<EntityRef xmlns="${NS}" Type="&xxe;" Href="http://localhost:9399/api/backupSessions/${SESSION}" Name="n" UID="u"><Links/></EntityRef>`, outcomes: ['malformed'], message: /DTD|DOCTYPE|entit/i, path: /^\d+:\d+$/ },
    { name: 'xxe-url', product: 'enterprise-manager', contentType: 'application/xml', body: `<?xml version="1.0"?>\n<!DOCTYPE EntityRef [<!ENTITY % remote SYSTEM "${listenerUrl}/evil.dtd"> %remote;]>\n<EntityRef xmlns="${NS}" Type="&leak;" Href="h" Name="n" UID="u"><Links/></EntityRef>`, outcomes: ['malformed'], message: /DTD|DOCTYPE|entit/i, path: /^\d+:\d+$/ },
    { name: 'external-dtd', product: 'enterprise-manager', contentType: 'application/xml', body: `<?xml version="1.0"?>\n<!DOCTYPE EntityRef SYSTEM "${listenerUrl}/ext.dtd">\n<EntityRef xmlns="${NS}" Type="t" Href="h" Name="n" UID="u"><Links/></EntityRef>`, outcomes: ['malformed'], message: /DTD|DOCTYPE/i, path: /^\d+:\d+$/ },
    { name: 'billion-laughs', product: 'enterprise-manager', contentType: 'application/xml', body: `<?xml version="1.0"?>\n<!DOCTYPE EntityRef [\n${lol}\n]>\n<EntityRef xmlns="${NS}" Type="&lol9;" Href="h" Name="n" UID="u"><Links/></EntityRef>`, outcomes: ['malformed'], message: /DTD|DOCTYPE|entit/i, path: /^\d+:\d+$/ },
    // Above the default body limit: refused before parsing, with the limit in the message.
    { name: 'big-50mb', product: 'm365', contentType: 'application/json; charset=utf-8', body: bigN, outcomes: ['malformed'], message: /more than the limit/ },
    { name: 'truncated-json', product: 'm365', contentType: 'application/json', body: m365Json.slice(0, Math.floor(m365Json.length / 2)), outcomes: ['malformed'], message: /JSON|end/i, path: /^\d+:\d+$/ },
    { name: 'truncated-xml', product: 'enterprise-manager', contentType: 'application/xml', body: emXml.slice(0, Math.floor(emXml.length / 2)), outcomes: ['malformed'], message: /./, path: /^\d+:\d+$/ },
    { name: 'utf16-bom', product: 'enterprise-manager', contentType: 'application/json', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(emJson, 'utf16le')]), outcomes: ['malformed'], message: /UTF-8/, path: /^\d+:\d+$/ },
    { name: 'double-bom', product: 'enterprise-manager', contentType: 'application/json', body: `\uFEFF\uFEFF${emJson}`, outcomes: ['malformed'], message: /./, path: /^\d+:\d+$/ },
    { name: 'latin1', product: 'm365', contentType: 'application/json', body: Buffer.from(m365Json.replace('"Success"', '"Succ\u00e8s"'), 'latin1'), outcomes: ['malformed'], message: /UTF-8/, path: /^\d+:\d+$/ },
    { name: 'wrong-content-type', product: 'm365', contentType: 'text/html; charset=utf-8', body: m365Json, outcomes: ['unknown-media-type'], message: /text\/html/ },
    { name: 'empty', product: 'enterprise-manager', contentType: 'application/xml', body: '', outcomes: ['malformed'], message: /empty/i },
    { name: 'binary-junk', product: 'enterprise-manager', contentType: 'application/xml', body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), outcomes: ['malformed'], message: /./, path: /^\d+:\d+$/ },
    // Judged in time linear in its size: 100 errors shown, the other 5.3 million counted.
    { name: 'many-errors-json', product: 'enterprise-manager', contentType: 'application/json', body: manyErrorsJson(MANY), outcomes: ['invalid'], message: /required property "Rel" is missing/, path: /^\/Links\/0\/Rel$/ },
    { name: 'many-errors-xml', product: 'enterprise-manager', contentType: 'application/xml', body: manyErrorsXml(400_000), outcomes: ['invalid'], message: /Link/, path: /^\d+:\d+$/ },
    { name: 'deep-json', product: 'm365', contentType: 'application/json', body: '['.repeat(100_000) + ']'.repeat(100_000), outcomes: ['malformed'], message: /nests deeper than the limit of 1000/, path: /^1:1001$/ },
    { name: 'deep-json-objects', product: 'enterprise-manager', contentType: 'application/json', body: '{"Links":'.repeat(100_000) + 'null' + '}'.repeat(100_000), outcomes: ['malformed'], message: /nests deeper than the limit of 1000/, path: /^1:9001$/ },
    { name: 'deep-xml', product: 'enterprise-manager', contentType: 'application/xml', body: `<EntityRef xmlns="${NS}">${'<Links>'.repeat(100_000)}${'</Links>'.repeat(100_000)}</EntityRef>`, outcomes: ['malformed'], message: /nests deeper than the limit of 1000/, path: /^1:\d+$/ },
    { name: 'nul-xml', product: 'enterprise-manager', contentType: 'application/xml', body: emXml.replace('Name="', 'Name="\u0000'), outcomes: ['malformed'], message: /U\+0000 is not allowed/, path: /^\d+:\d+$/ },
    { name: 'root-tag-70k', product: 'enterprise-manager', contentType: 'application/xml', body: `\n\n  <EntityRef xmlns="${NS}" Name="${'x'.repeat(70_000)}"/>`, outcomes: ['malformed'], message: /root start tag does not end within the limit of 65536/, path: /^3:3$/ },
    { name: 'ansi-url', product: 'enterprise-manager', contentType: 'application/xml', url: ANSI_URL, body: emXml, outcomes: ['unknown-operation'], message: /no enterprise-manager operation matches/ },
  ];
  for (const c of cases) writeCase(c);
  // Not hostile after all: a DOCTYPE inside a comment is text. It must pass.
  writeCase({ name: 'doctype-in-comment', product: 'enterprise-manager', contentType: 'application/xml', body: emXml.replace(/^(<\?xml[^>]*\?>)?/, '$1<!-- <!DOCTYPE EntityRef [<!ENTITY x "y">]> -->'), outcomes: ['valid'], message: /^$/ });
});

afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  tmp.cleanup();
});

describe('hostile corpus', () => {
  let results: Map<string, { outcome: string; errors: { path: string; message: string }[] }>;
  let stdout = '';

  it('check runs over the whole corpus: exit 1, no crash, no stack, no secret, no request', { timeout: 600_000 }, async () => {
    const r = await runCli(['check', path.join(tmp.dir, 'corpus'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    stdout = r.stdout;
    const doc = JSON.parse(r.stdout) as { results: { source: string; outcome: string; errors: { path: string; message: string }[] }[] };
    results = new Map(doc.results.map((x) => [/200-(.+)\.(json|xml)$/.exec(x.source)![1]!, x]));
    expect(results.size).toBe(cases.length + 1);
    expect(results.get('doctype-in-comment')).toMatchObject({ outcome: 'valid' });
    expect(stdout).not.toContain(SECRET);
    expect(stdout).not.toContain('leaked');
    expect(listenerHits).toBe(0);
  });

  it('many errors: at most 100 listed, the rest counted', () => {
    const json = results.get('many-errors-json')!;
    expect(json.errors).toHaveLength(101);
    expect(json.errors.at(-1)!.message).toBe(`${4 * MANY - 100} more errors not shown`);
    const xml = results.get('many-errors-xml')!;
    expect(xml.errors).toHaveLength(101);
    expect(xml.errors.at(-1)!.message).toMatch(/^\d+ more errors not shown$/);
  });

  it('the text report of the corpus holds no raw control character (ANSI escapes in a URL)', { timeout: 600_000 }, async () => {
    const dir = path.join(tmp.dir, 'corpus', 'enterprise-manager', 'getBackupSession');
    const r = await runCli(['check', path.join(dir, '200-ansi-url.xml'), path.join(dir, '200-nul-xml.xml'), path.join(dir, '200-binary-junk.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/api/\\x1b[2J\\x1b[31mnothing\\x9b0m');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('a 50 MB body under a raised --max-body-mb is parsed and validated to the last item', { timeout: 120_000 }, async () => {
    const dir = path.join(tmp.dir, 'big', 'm365', 'listJobSessionsForJob');
    mkdirSync(dir, { recursive: true });
    const c = cases.find((x) => x.name === 'big-50mb')!;
    writeFileSync(path.join(dir, '200.json'), c.body);
    writeFileSync(path.join(dir, '200.json.meta.json'), formatSidecar({ method: 'GET', url: '/v3/Jobs/1/JobSessions', status: 200, contentType: 'application/json', origin: 'recorded' }));
    const r = await runCli(['check', dir, '--max-body-mb', '64', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { outcome: string; errors: { path: string }[] }[] };
    expect(doc.results[0]!.outcome).toBe('invalid');
    expect(doc.results[0]!.errors.map((e) => e.path)).toEqual([`/${bigLastIndex}/status`]);
  });

  it('a UTF-8 BOM before EM JSON is accepted (EM 12 sends one)', async () => {
    const dir = path.join(tmp.dir, 'bom', 'enterprise-manager', 'getBackupSession');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '200.json'), `\uFEFF${emJson}`);
    writeFileSync(path.join(dir, '200.json.meta.json'), formatSidecar({ method: 'GET', url: `/api/backupSessions/${SESSION}`, status: 200, contentType: 'application/json', origin: 'recorded' }));
    const r = await runCli(['check', dir]);
    expect(r.code, r.stdout).toBe(0);
  });

  it.each(['xxe-file', 'xxe-url', 'external-dtd', 'billion-laughs', 'big-50mb', 'truncated-json', 'truncated-xml', 'utf16-bom', 'double-bom', 'latin1', 'wrong-content-type', 'empty', 'binary-junk', 'many-errors-json', 'many-errors-xml', 'deep-json', 'deep-json-objects', 'deep-xml', 'nul-xml', 'root-tag-70k', 'ansi-url'])('%s is a clear error', (name) => {
    const c = cases.find((x) => x.name === name)!;
    const got = results.get(name);
    expect(got, `no result for ${name}`).toBeDefined();
    expect(c.outcomes, JSON.stringify(got)).toContain(got!.outcome);
    const first = got!.errors[0];
    expect(first, JSON.stringify(got)).toBeDefined();
    expect(first!.message).toMatch(c.message);
    if (c.path) expect(got!.errors.map((e) => e.path).some((p) => c.path!.test(p)), JSON.stringify(got!.errors.slice(0, 3))).toBe(true);
  });
});
