import { describe, expect, it } from 'vitest';
import { decodeXml, XmlDecodeError } from '../../src/xml/index.js';
import { FULL, mapping, NS, session } from './mapping.fixture.js';

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Session xmlns="${NS}" UID="&lol3;"/>`;
const XXE = `<!DOCTYPE Session [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Session xmlns="${NS}" UID="&xxe;"/>`;

// [name, {given, want: {code, message}}]: each hostile body is refused with a clear, typed error.
describe.each<[string, { given: string; want: { code: string; message: RegExp }; options?: { maxBytes?: number; maxDepth?: number } }]>([
  ['billion laughs', { given: LAUGHS, want: { code: 'doctype', message: /^XML 2:1: DOCTYPE declarations are refused/ } }],
  ['external entity (XXE)', { given: XXE, want: { code: 'doctype', message: /^XML 1:1: DOCTYPE/ } }],
  ['undeclared entity reference', { given: session(FULL.replace('&amp;', '&xxe;')), want: { code: 'entity', message: /undefined entity &xxe;/ } }],
  ['bare ampersand', { given: session(FULL.replace('&amp;', '& ')), want: { code: 'malformed', message: /"&" that starts no entity/ } }],
  ['invalid character reference', { given: session(FULL.replace('&amp;', '&#0;')), want: { code: 'malformed', message: /invalid character reference &#0;/ } }],
  ['mismatched end tag', { given: session(FULL.replace('</JobName>', '</Job>')), want: { code: 'malformed', message: /^XML 2:29: end tag <\/Job> does not match <JobName> \(opened at 2:1\)/ } }],
  ['truncated document', { given: session(FULL).slice(0, 120), want: { code: 'truncated', message: /unexpected end of document/ } }],
  ['truncated inside a start tag', { given: `<Session xmlns="${NS}" UID="u`, want: { code: 'truncated', message: /inside attribute UID/ } }],
  ['empty body', { given: '', want: { code: 'malformed', message: /no root element/ } }],
  ['not XML', { given: '{"UID":"u"}', want: { code: 'malformed', message: /^XML 1:1: text outside the root element/ } }],
  ['two roots', { given: session(FULL) + session(FULL), want: { code: 'malformed', message: /a second root element/ } }],
  ['unquoted attribute', { given: `<Session xmlns="${NS}" UID=u/>`, want: { code: 'malformed', message: /expected a quoted value for attribute UID/ } }],
  ['duplicate attribute', { given: `<Session xmlns="${NS}" UID="a" UID="b"/>`, want: { code: 'duplicate', message: /attribute UID appears twice/ } }],
  ['undeclared prefix', { given: `<v:Session UID="a"/>`, want: { code: 'malformed', message: /prefix "v" is not declared/ } }],
  ['document over the size limit', { given: session(FULL + `<!--${'x'.repeat(5000)}-->`), options: { maxBytes: 4096 }, want: { code: 'too-large', message: /over the limit of 4096 bytes/ } }],
  ['multi-byte characters counted as UTF-8 bytes', { given: session(FULL.replace('more', 'é'.repeat(1400))), options: { maxBytes: 2900 }, want: { code: 'too-large', message: /document of \d+ bytes is over the limit of 2900/ } }],
  ['nesting too deep', { given: `<Session xmlns="${NS}">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</Session>`, options: { maxDepth: 50 }, want: { code: 'too-deep', message: /nested deeper than 50 levels/ } }],
])('hostile body: %s', (_name, { given, want, options }) => {
  it('is refused with a clear XmlDecodeError', () => {
    let error: unknown;
    try {
      decodeXml(given, mapping, ['Session'], options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlDecodeError);
    expect((error as XmlDecodeError).code).toBe(want.code);
    expect((error as XmlDecodeError).message).toMatch(want.message);
    expect((error as XmlDecodeError).message).not.toMatch(/\n\s+at /); // no stack trace in the message
  });
});

describe('hostile body: large inputs', () => {
  it('refuses a body over the default 32 MiB limit without parsing it', () => {
    const huge = session(FULL + '<!--' + 'x'.repeat(33 * 1024 * 1024) + '-->');
    expect(() => decodeXml(huge, mapping, ['Session'])).toThrowError(/over the limit of 33554432 bytes/);
  });

  it('decodes a large document under the limit (many items) completely', () => {
    const links = Array.from({ length: 20000 }, (_, i) => `<Link Rel="Down" Href="h${i}"/>`).join('');
    const got = decodeXml(session(FULL.replace(/<Links>.*<\/Links>/, `<Links>${links}</Links>`)), mapping, ['Session']) as { Links: unknown[] };
    expect(got.Links).toHaveLength(20000);
    expect(got.Links[19999]).toStrictEqual({ Rel: 'Down', Href: 'h19999', Name: null });
  });

  it('fails deep nesting with the default depth limit instead of overflowing the stack', () => {
    const deep = `<Session xmlns="${NS}">${'<a>'.repeat(100000)}`;
    expect(() => decodeXml(deep, mapping, ['Session'])).toThrowError(/nested deeper than 256 levels/);
  });
});

describe('byte-order mark', () => {
  it('strips a UTF-8 BOM and keeps positions relative to the document', () => {
    expect(decodeXml('\uFEFF' + session(FULL), mapping, ['Session'])).toMatchObject({ UID: 'urn:1' });
    expect(() => decodeXml('\uFEFF<Job/>', mapping, ['Session'])).toThrowError(/^XML 1:1: root element <Job> is in namespace none/);
  });
});
