// Table tests of the small pure modules: argument parsing, content negotiation, link rewriting,
// redaction, product detection.
import { describe, expect, it } from 'vitest';
import { parseArgs, type OptionSpec } from '../src/cli/args.js';
import { UsageError } from '../src/cli/errors.js';
import { negotiate } from '../src/mock/negotiate.js';
import { hrefRewriter } from '../src/mock/rewrite.js';
import { Redactor, REDACTED } from '../src/record/redact.js';

const spec: Record<string, OptionSpec> = { product: { type: 'string' }, format: { type: 'string', choices: ['text', 'json'] }, verbose: { type: 'boolean' } };

describe('parseArgs', () => {
  it.each<[string, string[], { options: Record<string, unknown>; positionals: string[] }]>([
    ['value after flag', ['--product', 'm365', 'a.json'], { options: { product: 'm365' }, positionals: ['a.json'] }],
    ['flag=value', ['--format=json'], { options: { format: 'json' }, positionals: [] }],
    ['boolean', ['--verbose', 'x'], { options: { verbose: true }, positionals: ['x'] }],
    ['stdin dash', ['-'], { options: {}, positionals: ['-'] }],
    ['-- ends options', ['--', '--verbose'], { options: {}, positionals: ['--verbose'] }],
  ])('%s', (_n, argv, want) => {
    expect(parseArgs('t', argv, spec)).toEqual(want);
  });

  it.each<[string, string[], RegExp]>([
    ['unknown long option', ['--nope'], /^t: unknown option --nope \(known: --product, --format, --verbose\)$/],
    ['short option', ['-v'], /^t: unknown option -v/],
    ['missing value', ['--product'], /^t: --product needs a value$/],
    ['value that is a flag', ['--product', '--verbose'], /needs a value/],
    ['bad choice', ['--format', 'xml'], /^t: --format must be one of text, json, got "xml"$/],
    ['boolean with value', ['--verbose=yes'], /takes no value/],
    ['given twice', ['--product', 'a', '--product', 'b'], /given twice/],
  ])('%s is a UsageError', (_n, argv, message) => {
    expect(() => parseArgs('t', argv, spec)).toThrow(UsageError);
    expect(() => parseArgs('t', argv, spec)).toThrow(message);
  });
});

describe('negotiate', () => {
  const both = ['application/xml', 'application/json'];
  it.each<[string | undefined, readonly string[], string, string | undefined]>([
    [undefined, both, 'application/xml', 'application/xml'],
    ['*/*', both, 'application/xml', 'application/xml'],
    ['application/json', both, 'application/xml', 'application/json'],
    ['application/xml;q=0.5, application/json', both, 'application/xml', 'application/json'],
    ['application/*', ['application/json'], 'application/json', 'application/json'],
    ['text/html', both, 'application/xml', undefined],
    ['application/json;q=0', both, 'application/xml', undefined],
  ])('Accept %s', (accept, available, preferred, want) => {
    expect(negotiate(accept, available, preferred)).toBe(want);
  });
});

describe('hrefRewriter', () => {
  const rw = hrefRewriter(['api/v2', 'api'], 'http://127.0.0.1:1');
  it.each([
    ['Href="http://localhost:9399/api/backupSessions/1"', 'Href="http://127.0.0.1:1/api/backupSessions/1"'],
    ['"href": "https://h.example.com/api/v2/jobSessions?Offset=0"', '"href": "http://127.0.0.1:1/api/v2/jobSessions?Offset=0"'],
    ['xmlns="http://www.veeam.com/ent/v1.0"', 'xmlns="http://www.veeam.com/ent/v1.0"'],
    ['https://h/apiary/x', 'https://h/apiary/x'],
  ])('%s', (input, want) => {
    expect(rw(input)).toBe(want);
  });
});

describe('Redactor', () => {
  it('replaces secrets in plain, URL-encoded and base64 forms, and the GUID inside an EM session id', () => {
    const r = new Redactor(false);
    const guid = '4a93d4f1-135b-4e85-a24c-089595b09236';
    r.addSecret(Buffer.from(guid).toString('base64'));
    r.addSecret('p@ss word');
    const out = r.apply(`<SessionId>${guid}</SessionId> ${Buffer.from(guid).toString('base64')} p%40ss%20word p@ss word`);
    expect(out).toBe(`<SessionId>${REDACTED}</SessionId> ${REDACTED} ${REDACTED} ${REDACTED}`);
  });

  it('maps API hosts consistently and leaves namespaces alone', () => {
    const r = new Redactor(true, ['api']);
    r.addHost('em.corp.local');
    r.collectHosts('Href="https://other.corp.local:9398/api/jobs/1" xmlns="http://www.veeam.com/ent/v1.0"');
    expect(r.apply('https://em.corp.local:9398/api https://other.corp.local/api EM.CORP.LOCAL http://www.veeam.com/ent/v1.0')).toBe(
      'https://example.com:9398/api https://host2.example.com/api example.com http://www.veeam.com/ent/v1.0',
    );
  });
});

