import { afterEach, describe, expect, it, vi } from 'vitest';
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

const manyAttrs = (count: number) => Array.from({ length: count }, (_, i) => `a${i}="v"`).join(' ');
type Limits = { maxBytes?: number; maxDepth?: number; maxAttributes?: number; maxStartTagLength?: number };

// [name, {given, want: {code, message}}]: each hostile body is refused with a clear, typed error.
describe.each<[string, { given: string; want: { code: string; message: RegExp }; options?: Limits }]>([
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
  ['more attributes than maxAttributes', { given: `<Session xmlns="${NS}" UID="u" ${manyAttrs(300)}/>`, want: { code: 'too-many-attributes', message: /^XML 1:\d+: <Session> has more than 256 attributes \(maxAttributes, namespace declarations included\)$/ } }],
  ['namespace declarations count as attributes', { given: `<Session xmlns="${NS}" xmlns:a="urn:a" xmlns:b="urn:b" UID="u"/>`, options: { maxAttributes: 3 }, want: { code: 'too-many-attributes', message: /^XML 1:\d+: <Session> has more than 3 attributes/ } }],
  ['start tag longer than maxStartTagLength', { given: session(FULL, `UID="${'u'.repeat(200)}"`), options: { maxStartTagLength: 100 }, want: { code: 'start-tag-too-long', message: /^XML 1:1: the start tag <Session> is longer than 100 characters \(maxStartTagLength\)$/ } }],
  ['element name longer than maxStartTagLength', { given: `<${'S'.repeat(300)}/>`, options: { maxStartTagLength: 100 }, want: { code: 'start-tag-too-long', message: /^XML 1:1: the start tag <S{40}> is longer than 100/ } }],
  ['duplicate attribute among many (set lookup)', { given: `<Session xmlns="${NS}" UID="u" ${manyAttrs(20)} a7="again"/>`, want: { code: 'duplicate', message: /^XML 1:\d+: attribute a7 appears twice in <Session>$/ } }],
  ['"<" inside an attribute value', { given: `<Session xmlns="${NS}" UID="a<b"/>`, want: { code: 'malformed', message: /^XML 1:\d+: "<" inside the value of attribute UID of <Session>$/ } }],
  ['an XML declaration naming ISO-8859-1', { given: `<?xml version="1.0" encoding="ISO-8859-1"?>\n${session(FULL)}`, want: { code: 'unsupported-encoding', message: /^XML 1:31: the XML declaration names encoding "ISO-8859-1"; expected UTF-8/ } }],
  ['an XML declaration naming UTF-16', { given: `<?xml version='1.0' encoding='UTF-16' standalone='yes'?>${session(FULL)}`, want: { code: 'unsupported-encoding', message: /^XML 1:31: .*"UTF-16"/ } }],
  ['a NUL character in text', { given: session(FULL.replace('more', 'mo\u0000re')), want: { code: 'invalid-character', message: /^XML 2:\d+: character U\+0000 is not allowed in an XML document$/ } }],
  ['a control character in an attribute', { given: `<Session xmlns="${NS}" UID="\u0007"/>`, want: { code: 'invalid-character', message: /character U\+0007/ } }],
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

describe('hostile body: large start tags are scanned in linear time', () => {
  // The bodies: 1.09 MB with 100k attributes took 21.6 s, 0.74 MB of namespace prefixes 64.8 s.
  const attrsBody = session(FULL, `UID="u" ${manyAttrs(100_000)}`);
  const prefixes = Array.from({ length: 30_000 }, (_, i) => `xmlns:p${i}="urn:example:prefix:${i}"`).join(' ');
  const prefixBody = session(FULL, `UID="u" ${prefixes}`);
  const unlimited = { maxAttributes: Infinity, maxStartTagLength: Infinity };

  it('100k attributes: refused by default at the 257th (a254), naming its line:column and the limit', () => {
    expect(attrsBody.length).toBeGreaterThan(1_000_000);
    const failure = (() => {
      try {
        decodeXml(attrsBody, mapping, ['Session']);
      } catch (e) {
        return e;
      }
    })();
    expect(failure).toMatchObject({ code: 'too-many-attributes', line: 1, column: attrsBody.indexOf(' a254=') + 2 }); // xmlns, UID, a0..a253 fill the 256
  });

  it('100k attributes with the limits lifted: decoded completely (unknown ones ignored)', () => {
    expect(decodeXml(attrsBody, mapping, ['Session'], { ...unlimited, unknown: 'ignore' })).toMatchObject({ UID: 'u', Progress: 100 });
  });

  it('30k namespace prefixes: refused by default, decoded with the limits lifted', () => {
    expect(prefixBody.length).toBeGreaterThan(700_000);
    expect(() => decodeXml(prefixBody, mapping, ['Session'])).toThrowError(/^XML 1:\d+: <Session> has more than 256 attributes/);
    expect(decodeXml(prefixBody, mapping, ['Session'], unlimited)).toMatchObject({ UID: 'u', JobName: ' Backup & more ' });
  });

  it('many prefixes in scope and a declaration on each of 50k children: no scope copy per element', () => {
    const declared = Array.from({ length: 250 }, (_, i) => `xmlns:p${i}="urn:p${i}"`).join(' ');
    const tags = Array.from({ length: 50_000 }, (_, i) => `<Tag xmlns:q="urn:q${i}" q:x="1">t${i}</Tag>`).join('');
    const doc = session(FULL.replace('<Tag>a</Tag><Tag>b</Tag>', tags), `UID="u" ${declared}`);
    const got = decodeXml(doc, mapping, ['Session'], { unknown: 'ignore' }) as { Tags: string[] };
    expect(got.Tags).toHaveLength(50_000);
    expect(got.Tags[49_999]).toBe('t49999');
  });

  it('prefix bindings end with their element', () => {
    const doc = session(FULL + '<Owner xmlns:o="urn:o" o:a="1" Rel="r" Href="h"/>', 'UID="u"').replace('</Session>', '<x:Note xmlns:x="urn:x"/></Session>');
    // o: is bound inside <Owner> only; using it on a later sibling is an undeclared prefix.
    expect(() => decodeXml(doc.replace('<x:Note xmlns:x="urn:x"/>', '<o:Note/>'), mapping, ['Session'], { unknown: 'ignore' })).toThrowError(/prefix "o" is not declared/);
    expect(decodeXml(doc, mapping, ['Session'], { unknown: 'ignore' })).toMatchObject({ Owner: { Rel: 'r', Href: 'h', Name: null } });
  });
});

describe('hostile body: deadline and signal stop decoding', () => {
  const big = session(FULL.replace('<Tag>a</Tag><Tag>b</Tag>', '<Tag>a</Tag>'.repeat(5000)));
  afterEach(() => vi.restoreAllMocks());

  it('the deadline is polled while decoding: it stops in the middle of the document', () => {
    // A clock that moves one ms per reading: the deadline passes after a few checkpoints, mid-document.
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now++);
    const failure = (() => {
      try {
        decodeXml(big, mapping, ['Session'], { deadline: 1_005 });
      } catch (e) {
        return e as XmlDecodeError;
      }
    })();
    // Line 6 holds the 5000 <Tag> elements (60,000 characters).
    expect(failure).toMatchObject({ name: 'XmlDecodeError', code: 'timeout', line: 6 });
    expect(failure!.column).toBeGreaterThan(1000);
    expect(failure!.column).toBeLessThan(59_000);
    expect(failure!.message).toMatch(/^XML 6:\d+: decoding ran past its deadline \(the call timeout\); stopped here$/);
  });

  it('a text node of a million references is polled too', () => {
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => now++);
    const doc = session(FULL.replace('more', '&amp;'.repeat(1_000_000)));
    expect(() => decodeXml(doc, mapping, ['Session'], { deadline: 3 })).toThrowError(expect.objectContaining({ code: 'timeout', line: 2 }));
  });

  it('a deadline already past stops decoding with XmlDecodeError timeout at a position', () => {
    expect(() => decodeXml(big, mapping, ['Session'], { deadline: Date.now() - 1 })).toThrowError(
      expect.objectContaining({ name: 'XmlDecodeError', code: 'timeout', line: 1, column: 1 }),
    );
  });

  it('an aborted signal stops decoding with its reason', () => {
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    expect(() => decodeXml(big, mapping, ['Session'], { signal: controller.signal })).toThrowError('stop now');
  });

  it('a deadline in the future changes nothing', () => {
    expect((decodeXml(big, mapping, ['Session'], { deadline: Date.now() + 60_000 }) as { Tags: string[] }).Tags).toHaveLength(5000);
  });
});

describe('byte-order mark', () => {
  it('strips a UTF-8 BOM and keeps positions relative to the document', () => {
    expect(decodeXml('\uFEFF' + session(FULL), mapping, ['Session'])).toMatchObject({ UID: 'urn:1' });
    expect(() => decodeXml('\uFEFF<Job/>', mapping, ['Session'])).toThrowError(/^XML 1:1: root element <Job> is in namespace none/);
  });
});
