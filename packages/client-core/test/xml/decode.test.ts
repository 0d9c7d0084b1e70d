import { describe, expect, it } from 'vitest';
import { decodeXml, XmlDecodeError } from '../../src/xml/index.js';
import { FULL, mapping, NS, session } from './mapping.fixture.js';

/** 1-based line:column of the first occurrence of `needle` (what the error must point at). */
function lineColumn(doc: string, needle: string): { line: number; column: number } {
  const offset = doc.indexOf(needle);
  if (offset === -1) throw new Error(`test bug: ${needle} not in document`);
  const before = doc.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const decodeSession = (xml: string) => decodeXml(xml, mapping, ['Session']) as Record<string, unknown>;

describe('decodeXml: a complete document', () => {
  it('gives the JSON object: attributes, elements, typed values, wrapped and unwrapped arrays, nulls', () => {
    expect(decodeSession(session(FULL))).toStrictEqual({
      UID: 'urn:1',
      Links: [
        { Rel: 'Up', Href: 'h1', Name: 'n1' },
        { Rel: 'Down', Href: 'h2', Name: null },
      ],
      JobName: ' Backup & more ',
      Progress: 100,
      IsRetry: false,
      EndTimeUTC: '2014-10-19T05:40:48Z',
      Owner: null,
      Tags: ['a', 'b'],
      Counts: [1, 2],
    });
  });

  it('keeps JSON property order (mapping order), not XML order', () => {
    expect(Object.keys(decodeSession(session(FULL.split('\n').reverse().join(''))))).toStrictEqual([
      'UID', 'Links', 'JobName', 'Progress', 'IsRetry', 'EndTimeUTC', 'Owner', 'Tags', 'Counts',
    ]);
  });
});

// [name, {given (inner XML of <Session>, replacing one line of FULL), want (property values)}]
const replace = (from: RegExp, to: string) => session(FULL.replace(from, to));
describe.each<[string, { given: string; want: Record<string, unknown> }]>([
  ['integer with whitespace', { given: replace(/<Progress>.*<\/Progress>/, '<Progress> 42 </Progress>'), want: { Progress: 42 } }],
  ['negative integer', { given: replace(/<Progress>.*<\/Progress>/, '<Progress>-1</Progress>'), want: { Progress: -1 } }],
  ['number', { given: session(FULL + '<Ratio>1.5E2</Ratio>'), want: { Ratio: 150 } }],
  ['optional element absent is left out', { given: session(FULL), want: { Ratio: undefined } }],
  ['boolean 1', { given: replace(/<IsRetry>.*<\/IsRetry>/, '<IsRetry>1</IsRetry>'), want: { IsRetry: true } }],
  ['boolean true', { given: replace(/<IsRetry>.*<\/IsRetry>/, '<IsRetry>true</IsRetry>'), want: { IsRetry: true } }],
  ['date-time with offset stays a string', { given: replace(/<EndTimeUTC>.*<\/EndTimeUTC>/, '<EndTimeUTC>2024-01-31T08:00:00.123+02:00</EndTimeUTC>'), want: { EndTimeUTC: '2024-01-31T08:00:00.123+02:00' } }],
  ['absent nullable element is null', { given: replace(/<EndTimeUTC>.*<\/EndTimeUTC>/, ''), want: { EndTimeUTC: null } }],
  ['xsi:nil element is null', { given: replace(/<EndTimeUTC>.*<\/EndTimeUTC>/, '<EndTimeUTC xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'), want: { EndTimeUTC: null } }],
  ['nested object', { given: session(FULL + '<Owner Rel="Up" Href="o"/>'), want: { Owner: { Rel: 'Up', Href: 'o', Name: null } } }],
  ['empty wrapped array', { given: replace(/<Links>.*<\/Links>/, '<Links/>'), want: { Links: [] } }],
  ['unwrapped array without items is []', { given: replace(/<Tag>.*<\/Tag>/, ''), want: { Tags: [] } }],
  ['absent nullable wrapped array is null', { given: replace(/<Counts>.*<\/Counts>/, ''), want: { Counts: null } }],
  ['CDATA and character references', { given: replace(/<JobName>.*<\/JobName>/, '<JobName><![CDATA[a<b]]>&#x41;&#66;&lt;&quot;</JobName>'), want: { JobName: 'a<bAB<"' } }],
  ['comments and processing instructions are skipped', { given: `<?xml version="1.0" encoding="utf-8"?>\n<!-- c -->${replace(/<JobName>.*<\/JobName>/, '<JobName>a<!-- x -->b<?pi x?></JobName>')}`, want: { JobName: 'ab' } }],
  ['prefixed elements in the mapped namespace', { given: `<v:Session xmlns:v="${NS}" UID="u">${FULL.replace(/<(\/?)(\w+)/g, '<$1v:$2')}</v:Session>`, want: { UID: 'u', Progress: 100 } }],
  ['attribute newlines normalized, entities decoded', { given: session(FULL, 'UID="a&amp;\nb"'), want: { UID: 'a& b' } }],
])('mapping feature: %s', (_name, { given, want }) => {
  it('decodes', () => {
    const got = decodeSession(given);
    for (const [key, value] of Object.entries(want)) expect(got[key]).toStrictEqual(value);
    if (Object.values(want).includes(undefined)) expect(Object.keys(got)).not.toContain(Object.keys(want).find((k) => want[k] === undefined));
  });
});

describe('decodeXml: roots and candidates', () => {
  it('picks the candidate whose element matches the root', () => {
    const refs = `<EntityReferences xmlns="${NS}"><Ref Rel="r" Href="h" Name="n"/><Ref Rel="r2" Href="h2"/></EntityReferences>`;
    expect(decodeXml(refs, mapping, ['Session', 'References'])).toStrictEqual({
      Refs: [
        { Rel: 'r', Href: 'h', Name: 'n' },
        { Rel: 'r2', Href: 'h2', Name: null },
      ],
    });
  });

  it('decodes simple content with attributes (text kind)', () => {
    expect(decodeXml(`<Note xmlns="${NS}" Lang="en">hello</Note>`, mapping, ['Note'])).toStrictEqual({ Lang: 'en', Value: 'hello' });
  });

  it('considers every root schema when no candidate is given', () => {
    expect(decodeXml(`<Note xmlns="${NS}">x</Note>`, mapping, [])).toStrictEqual({ Value: 'x' });
  });

  it('ignores unknown elements and attributes when asked to', () => {
    const got = decodeXml(session(FULL + '<NewField>1</NewField>', 'UID="u" Extra="1"'), mapping, ['Session'], { unknown: 'ignore' });
    expect(got).toMatchObject({ UID: 'u', Progress: 100 });
  });
});

// [name, {given (a document), want ({code, line, column, message fragment})}]
describe.each<[string, { given: string; want: { code: string; at: string; message: RegExp } }]>([
  ['integer that is not one', { given: `<Session xmlns="${NS}" UID="u">\n  ${FULL.replace('<Progress>100', '<Progress>ten')}</Session>`, want: { code: 'invalid-value', at: '<Progress>ten', message: /<Progress> is "ten"; expected integer/ } }],
  ['boolean that is not one', { given: session(FULL.replace('<IsRetry>false', '<IsRetry>no')), want: { code: 'invalid-value', at: '<IsRetry>', message: /expected boolean/ } }],
  ['date that is not one', { given: session(FULL.replace('2014-10-19T05:40:48Z', 'yesterday')), want: { code: 'invalid-value', at: '<EndTimeUTC>', message: /expected date-time/ } }],
  ['missing required attribute', { given: session(FULL, ''), want: { code: 'missing-value', at: '<Session', message: /no attribute UID/ } }],
  ['missing required element', { given: session(FULL.replace(/<Progress>.*<\/Progress>/, '')), want: { code: 'missing-value', at: '<Session', message: /no element <Progress>/ } }],
  ['unknown element', { given: session(FULL + '<Surprise/>'), want: { code: 'unexpected-element', at: '<Surprise', message: /unexpected element <Surprise>/ } }],
  ['unknown attribute', { given: session(FULL, 'UID="u" Bad="1"'), want: { code: 'unexpected-attribute', at: 'Bad=', message: /unexpected attribute Bad/ } }],
  ['element twice', { given: session(FULL + '<Progress>1</Progress>'), want: { code: 'duplicate', at: '<Progress>1<', message: /<Progress> appears 2 times/ } }],
  ['stray item in a wrapped array', { given: session(FULL.replace('<Links>', '<Links><Other/>')), want: { code: 'unexpected-element', at: '<Other', message: /<Other> inside <Links>; expected only <Link> items/ } }],
  ['child element in a simple value', { given: session(FULL.replace('<JobName>', '<JobName><b/>')), want: { code: 'unexpected-element', at: '<b/>', message: /<b> inside <JobName>; expected a string value/ } }],
  ['text in element-only content', { given: session(FULL + 'stray'), want: { code: 'unexpected-text', at: '<Session', message: /"stray" inside <Session>/ } }],
  ['unexpected root', { given: `<Job xmlns="${NS}"/>`, want: { code: 'unexpected-root', at: '<Job', message: /unexpected root element <Job>; expected <Session>/ } }],
  ['wrong namespace', { given: `<Session xmlns="http://example.com/other" UID="u"/>`, want: { code: 'wrong-namespace', at: '<Session', message: /namespace "http:\/\/example.com\/other"; expected "http:\/\/www.veeam.com\/ent\/v1.0"/ } }],
  ['no namespace', { given: `<Session UID="u"/>`, want: { code: 'wrong-namespace', at: '<Session', message: /in namespace none/ } }],
  ['child in another namespace', { given: session(FULL + '<x:Progress xmlns:x="urn:x">1</x:Progress>'), want: { code: 'unexpected-element', at: '<x:Progress', message: /in namespace "urn:x"/ } }],
])('mapping error: %s', (_name, { given, want }) => {
  it('throws a positioned XmlDecodeError', () => {
    const want_ = { ...want, ...lineColumn(given, want.at) };
    let error: unknown;
    try {
      decodeSession(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlDecodeError);
    const e = error as XmlDecodeError;
    expect({ code: e.code, line: e.line, column: e.column }).toStrictEqual({ code: want_.code, line: want_.line, column: want_.column });
    expect(e.message).toMatch(want.message);
    expect(e.message.startsWith(`XML ${want_.line}:${want_.column}: `)).toBe(true);
  });
});
