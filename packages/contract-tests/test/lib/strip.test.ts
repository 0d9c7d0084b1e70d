// Removing additive differences for re-validation (allow: ['additive']): spans are blanked in place
// (every line and column kept), new enum values replaced, and anything not locatable refused.
import { describe, expect, it } from 'vitest';
import { stripAdditive } from '../../src/xml/strip.js';
import type { ValidationError } from '../../src/types.js';

const unknown = (path: string, name: string): ValidationError => ({ kind: 'xml-unknown-element', additive: true, path, message: `cvc-complex-type.2.4.a: Invalid content was found starting with element '{"urn:x":${name}}'. One of '{"urn:x":B}' is expected.` });
/** `line:column` just past the first occurrence of `tag` (where Xerces reports a start tag). */
const after = (text: string, tag: string): string => {
  const end = text.indexOf(tag) + tag.length;
  const before = text.slice(0, end);
  const line = before.split('\n').length;
  return `${line}:${end - before.lastIndexOf('\n')}`;
};

describe('stripAdditive', () => {
  it('blanks an unknown element with nested same-name children and a ">" in an attribute, keeping positions', () => {
    const text = '<A xmlns="urn:x">\r\n  <New k="a>b"><New>1</New><Deep/></New>\r\n  <B>2</B>\r\n</A>';
    const out = stripAdditive(text, [unknown(after(text, '<New k="a>b">'), 'New')])!;
    expect(out).toBe(text.replace('<New k="a>b"><New>1</New><Deep/></New>', ' '.repeat(38)));
    expect(out.length).toBe(text.length);
  });

  it('removes an unknown attribute and puts a known value in place of a new one', () => {
    const text = '<A xmlns="urn:x">\n  <B Jitter="5" Day="Caturday">x</B>\n  <K>EveryOtherDay</K>\n</A>';
    const errors: ValidationError[] = [
      { kind: 'xml-unknown-attribute', additive: true, path: after(text, '<B Jitter="5" Day="Caturday">'), message: "cvc-complex-type.3.2.2: Attribute 'Jitter' is not allowed to appear in element 'B'." },
      { kind: 'enum', additive: true, path: after(text, '<B Jitter="5" Day="Caturday">'), message: "cvc-enumeration-valid: Value 'Caturday' is not facet-valid with respect to enumeration '[Sunday, Monday]'. It must be a value from the enumeration." },
      { kind: 'enum', additive: true, path: after(text, '<K>EveryOtherDay</K>'), message: "cvc-enumeration-valid: Value 'EveryOtherDay' is not facet-valid with respect to enumeration '[Everyday, Weekdays]'. It must be a value from the enumeration." },
    ];
    expect(stripAdditive(text, errors)).toBe('<A xmlns="urn:x">\n  <B            Day="Sunday"  >x</B>\n  <K>Everyday</K>     \n</A>');
  });

  it('refuses what it cannot locate (the difference then stays a failure)', () => {
    const text = '<A xmlns="urn:x"><B/></A>';
    expect(stripAdditive(text, [unknown('1:3', 'New')])).toBeUndefined(); // no tag ends there
    expect(stripAdditive(text, [unknown(after(text, '<B/>'), 'New')])).toBeUndefined(); // another element's tag
    expect(stripAdditive(text, [{ kind: 'type', path: '1:1', message: 'x' }])).toBeUndefined(); // not additive
  });
});
