// Limits that keep hostile bodies cheap: bounded error collection (the same first errors as unbounded
// ajv, in linear time), the JSON and XML nesting limits, the bounded `actual` preview, and the XML
// character and root-tag checks. Nothing here measures time (bench/contract-json.bench.ts does).
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type ResponseInput, type Validator } from '../../src/index.js';
import { boundErrorCollection, MAX_RAW_ERRORS, splitBounded } from '../../src/json/bounded-errors.js';
import { deeperThan, MAX_JSON_DEPTH, PRESCAN_MIN_CHARS, tooDeepOffset } from '../../src/json/depth.js';
import { show } from '../../src/json/errors.js';
import { MAX_XML_DEPTH } from '../../src/xml/scan.js';
import { FIXTURE_ROOT, fixture } from './helpers.js';

describe('bounded error collection', () => {
  // A Link-like schema behind a $ref (ajv merges its errors with concat), a oneOf whose first branch
  // fails with thousands of errors and whose second passes (ajv must discard them), then more errors.
  const defs = {
    L: { type: 'object', required: ['Rel', 'Href'], properties: { Rel: { $ref: '#/$defs/Rel' }, Href: { type: 'string' } }, additionalProperties: false },
    Rel: { enum: ['Up', 'Down'] },
  };
  const schema = {
    $defs: defs,
    type: 'object',
    properties: {
      spec: { oneOf: [{ type: 'array', items: { $ref: '#/$defs/L' } }, { type: 'array', items: { type: 'object', maxProperties: 0 } }] },
      links: { type: 'array', items: { $ref: '#/$defs/L' } },
    },
  };
  const plain = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const bounded = new Ajv2020({ allErrors: true, strict: true, code: { process: boundErrorCollection } }).compile(schema);

  it.each([
    ['few errors', { spec: [{}], links: [{}, { Rel: 'x', Href: 1 }] }],
    ['the cap crossed inside a discarded oneOf branch', { spec: Array.from({ length: 1500 }, () => ({})), links: Array.from({ length: 600 }, (_, i) => (i % 2 ? {} : { Rel: 'Left', Href: 'h', x: 1 })) }],
    ['the cap crossed in the errors that stay', { spec: [], links: Array.from({ length: 3000 }, () => ({ Rel: 7 })) }],
  ])('keeps exactly the errors unbounded ajv reports first, and counts them all: %s', (_name, data) => {
    expect(plain(data)).toBe(false);
    expect(bounded(data)).toBe(false);
    const all = plain.errors as ErrorObject[];
    const got = splitBounded<ErrorObject>(bounded.errors as (ErrorObject | 0)[]);
    expect(got.total).toBe(all.length);
    expect(got.errors).toEqual(all.slice(0, MAX_RAW_ERRORS));
  });

  it('refuses generated code it does not recognise (an ajv upgrade must not silently go unbounded)', () => {
    expect(() => boundErrorCollection('vErrors = vErrors.concat(x.errors);')).toThrow(/does not rewrite/);
  });
});

describe('nesting limit scan and walk', () => {
  it.each<[string, string, number]>([
    ['flat', '[1,2,[3]]', -1],
    ['brackets inside strings do not count', `[${JSON.stringify('['.repeat(5000))}]`, -1],
    ['escaped quotes do not end a string', `["\\"[[[[", 1]`, -1],
    ['arrays over the limit', '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH],
    ['objects over the limit', '{"a":'.repeat(MAX_JSON_DEPTH + 5) + '1' + '}'.repeat(MAX_JSON_DEPTH + 5), MAX_JSON_DEPTH * 5],
    ['exactly at the limit', '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), -1],
  ])('%s', (_name, text, offset) => {
    expect(tooDeepOffset(text)).toBe(offset);
    expect(deeperThan(JSON.parse(text))).toBe(offset !== -1);
  });

  it('show() previews deep and huge values without recursion, like JSON.stringify cut short', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    expect(show(deep)).toBe(`${'['.repeat(79)}…`);
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, { v: i }]));
    expect(show(wide)).toBe(`${JSON.stringify(wide).slice(0, 79)}…`);
    for (const v of [null, 1, 'x', [1, 'a', { b: [true, null] }], { a: { b: {} }, c: [] }, 'x'.repeat(500)]) {
      const s = JSON.stringify(v);
      expect(show(v)).toBe(s.length > 80 ? `${s.slice(0, 79)}…` : s);
    }
  });
});

describe('limits through the validator (the real specs)', () => {
  let v: Validator;
  beforeAll(async () => { v = await createValidator(); });
  afterAll(async () => { await v.close(); });
  const emRef = (body: string, contentType = 'application/json'): ResponseInput => ({
    product: 'enterprise-manager', method: 'GET', url: '/api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae', status: 200, contentType, body,
  });
  const m365List = (body: string): ResponseInput => ({ product: 'm365', method: 'GET', url: '/v3/Jobs/1/JobSessions', status: 200, contentType: 'application/json', body });
  const links = (n: number) => JSON.stringify({ Type: 'BackupJobSessionReference', Href: 'http://localhost:9399/api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae', Name: 'n', UID: 'u', Links: Array.from({ length: n }, () => ({})) });

  it('a 4 MB body of 1.3 million empty Links is invalid, with 100 errors and an exact count of the rest', { timeout: 300_000 }, async () => {
    const n = 1_333_000;
    const r = await v.validate(emRef(links(n)));
    expect(r.outcome).toBe('invalid');
    expect(r.errors).toHaveLength(101);
    expect(r.errors[0]).toEqual({ kind: 'required', path: '/Links/0/Rel', message: 'required property "Rel" is missing', expected: 'present', actual: 'absent' });
    // Four required properties per Link, none shown twice.
    expect(r.errors.at(-1)).toEqual({ kind: 'truncated', path: '/', message: `${4 * n - 100} more errors not shown` });
  });

  it.each([
    ['100k nested arrays', '['.repeat(100_000) + ']'.repeat(100_000), `1:${MAX_JSON_DEPTH + 1}`],
    ['nested objects, pretty-printed', JSON.stringify(JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)), null, 1), `${MAX_JSON_DEPTH + 1}:${MAX_JSON_DEPTH + 6}`],
    ['a deep body above the pre-scan size', `[${' '.repeat(PRESCAN_MIN_CHARS)}${'['.repeat(1500)}${']'.repeat(1501)}`, `1:${PRESCAN_MIN_CHARS + MAX_JSON_DEPTH + 1}`],
  ])('JSON deeper than the limit is malformed at the bracket that opens it: %s', async (_name, body, at) => {
    const r = await v.validate(m365List(body));
    expect(r.outcome).toBe('malformed');
    expect(r.errors).toEqual([{ kind: 'malformed', path: at, message: `JSON nests deeper than the limit of ${MAX_JSON_DEPTH} arrays/objects`, expected: `at most ${MAX_JSON_DEPTH} levels of nesting`, actual: `level ${MAX_JSON_DEPTH + 1} opens here` }]);
  });

  it('an invalid body whose actual value is deep and wide still gets a short preview', async () => {
    const body = `{"Type":${'['.repeat(900)}${']'.repeat(900)},"Href":"h","Name":"n","UID":"u","Links":null}`;
    const r = await v.validate(emRef(body));
    expect(r.outcome).toBe('invalid');
    expect(r.errors.find((e) => e.path === '/Type')!.actual).toMatch(/^array \[{79}…$/);
  });
});

describe('XML limits (fixture registry)', () => {
  let v: Validator;
  beforeAll(async () => { v = await createValidator({ rootDir: FIXTURE_ROOT }); });
  afterAll(async () => { await v.close(); });
  const entityXml = fixture('specs/enterprise-manager/examples/getBackupSession/200-entity.xml');
  const em = (body: string): ResponseInput => ({ product: 'enterprise-manager', method: 'GET', url: '/api/backupSessions/1?format=Entity', status: 200, contentType: 'application/xml', body });

  it('a NUL character is malformed at its line:column, before the JVM', async () => {
    const body = entityXml.replace('<State>Stopped', '<State>Sto\u0000pped');
    const r = await v.validate(em(body));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]).toMatchObject({ message: 'character U+0000 is not allowed in XML 1.0', actual: 'U+0000' });
    const line = body.slice(0, body.indexOf('\u0000')).split('\n');
    expect(r.errors[0]!.path).toBe(`${line.length}:${line.at(-1)!.length + 1}`);
  });

  it('a DOCTYPE inside a comment is text, not a declaration: the body is valid', async () => {
    const body = entityXml.replace('?>', '?>\n<!-- served as <!DOCTYPE html> by mistake? no: <!ENTITY x "y"> -->');
    expect(body).not.toBe(entityXml);
    expect(await v.validate(em(body))).toMatchObject({ ok: true, outcome: 'valid' });
    const cdata = entityXml.replace('<State>Stopped</State>', '<State><![CDATA[Stopped]]></State><!--<!DOCTYPE-->');
    expect((await v.validate(em(cdata))).outcome).toBe('valid');
  });

  it('a DOCTYPE after a comment is still refused', async () => {
    const r = await v.validate(em(`<!-- c -->\n<!DOCTYPE r [<!ENTITY x "y">]>\n${entityXml.replace(/^<\?xml[^>]*>\s*/, '')}`));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]).toMatchObject({ path: '2:1', message: expect.stringMatching(/DOCTYPE declarations are refused/) });
  });

  it('a root start tag over 64 KiB gets its own message at its real position', async () => {
    const body = `<?xml version="1.0"?>\n<!-- x -->\n  <BackupJobSession xmlns="http://www.veeam.com/ent/v1.0" Name="${'x'.repeat(70_000)}"/>`;
    const r = await v.validate(em(body));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]).toMatchObject({ path: '3:3', message: 'the root start tag does not end within the limit of 65536 characters' });
  });

  it('a root tag with ">" inside an attribute value and a prefixed namespace is read right', async () => {
    const body = entityXml.replace('<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0"', '<e:BackupJobSession xmlns:e="http://www.veeam.com/ent/v1.0" Name="a > b"').replace('</BackupJobSession>', '</e:BackupJobSession>');
    const r = await v.validate(em(body));
    // Unprefixed children are then in no namespace: the XSD rejects them, but the root matched.
    expect(r.outcome).toBe('invalid');
    expect(r.errors[0]!.message).not.toBe('root element does not match the response schema');
  });

  it('XML nested deeper than the limit is malformed at the element that opens it', async () => {
    const depth = 100_000;
    const body = `<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</BackupJobSession>`;
    const r = await v.validate(em(body));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]).toMatchObject({ path: `1:${57 + 3 * (MAX_XML_DEPTH - 1)}`, message: `XML nests deeper than the limit of ${MAX_XML_DEPTH} elements` });
  });

  it('XML with many errors is invalid with 100 shown and the rest counted (the JVM keeps 1000)', async () => {
    const n = 5000;
    const body = entityXml.replace(/<Links>[\s\S]*<\/Links>/, `<Links>${'<Link/>'.repeat(n)}</Links>`);
    const r = await v.validate(em(body));
    expect(r.outcome).toBe('invalid');
    expect(r.errors).toHaveLength(101);
    expect(r.errors.at(-1)!.message).toMatch(/^\d+ more errors not shown$/);
    const more = Number(/^(\d+)/.exec(r.errors.at(-1)!.message)![1]);
    expect(more).toBeGreaterThanOrEqual(n - 100);
  });
});
