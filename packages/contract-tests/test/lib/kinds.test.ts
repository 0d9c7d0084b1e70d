// Kind tables: every Xerces cvc-* code and Ajv keyword the validators report maps to its kind. The
// messages are in the JDK's wording (javax.xml.validation); test/drift.test.ts runs the real JVM.
import { describe, expect, it } from 'vitest';
import { keywordKind } from '../../src/json/errors.js';
import { mapXsdIssues } from '../../src/xml/xsd-errors.js';

const declared = new Set(['Job', 'Links', 'Link', 'Name', 'Platform']);
const issue = (message: string, line = 3, column = 7) => ({ line, column, message });

describe('XSD messages -> kind', () => {
  it.each([
    ["cvc-complex-type.2.4.a: Invalid content was found starting with element '{\"http://www.veeam.com/ent/v1.0\":Brand}'. One of '{\"http://www.veeam.com/ent/v1.0\":Links}' is expected.", 'xml-unknown-element', true],
    ["cvc-complex-type.2.4.a: Invalid content was found starting with element '{\"http://www.veeam.com/ent/v1.0\":Platform}'. One of '{\"http://www.veeam.com/ent/v1.0\":Links}' is expected.", 'xml-structure', false],
    ["cvc-complex-type.2.4.d: Invalid content was found starting with element 'Brand'. No child element is expected at this point.", 'xml-unknown-element', true],
    ["cvc-complex-type.2.4.d: Invalid content was found starting with element 'Name'. No child element is expected at this point.", 'xml-structure', false],
    ["cvc-complex-type.2.4.b: The content of element 'Job' is not complete. One of '{\"http://www.veeam.com/ent/v1.0\":Platform}' is expected.", 'required', false],
    ["cvc-complex-type.4: Attribute 'Name' must appear on element 'Job'.", 'required', false],
    ["cvc-complex-type.3.2.2: Attribute 'Jitter' is not allowed to appear in element 'Job'.", 'xml-unknown-attribute', true],
    ["cvc-complex-type.2.3: Element 'Job' cannot have character [children], because the type's content type is element-only.", 'xml-structure', false],
    ["cvc-enumeration-valid: Value 'Caturday' is not facet-valid with respect to enumeration '[Sunday, Monday]'. It must be a value from the enumeration.", 'enum', true],
    ["cvc-datatype-valid.1.2.1: 'three' is not a valid value for 'integer'.", 'type', false],
    ["cvc-pattern-valid: Value 'x' is not facet-valid with respect to pattern '[0-9]+' for type 'Digits'.", 'pattern', false],
    ["cvc-minInclusive-valid: Value '-1' is not facet-valid with respect to minInclusive '0' for type 'Count'.", 'range', false],
    ["cvc-maxLength-valid: Value 'abcdef' with length = '6' is not facet-valid with respect to maxLength '5' for type 'Short'.", 'length', false],
    ["cvc-elt.1.a: Cannot find the declaration of element 'Jobb'.", 'xml-structure', false],
    ["cvc-type.3.1.3: The value 'three' of element 'RetryTimes' is not valid.", 'type', false],
    ["cvc-id.2: There are multiple occurrences of ID value 'a'.", 'other', false],
    ['The element type "Job" must be terminated by the matching end-tag "</Job>".', 'malformed', false],
  ])('%s -> %s', (message, kind, additive) => {
    const [err] = mapXsdIssues([issue(message)], declared);
    expect(err!.kind).toBe(kind);
    expect(err!.additive === true).toBe(additive);
    expect(err!.path).toBe('3:7');
  });

  it('drops the generic repeat of a facet error at the same place, keeps one elsewhere', () => {
    const errs = mapXsdIssues([
      issue("cvc-enumeration-valid: Value 'X' is not facet-valid with respect to enumeration '[A, B]'. It must be a value from the enumeration."),
      issue("cvc-attribute.3: The value 'X' of attribute 'Name' on element 'Day' is not valid with respect to its type, 'DayOfWeek'."),
      issue("cvc-type.3.1.3: The value 'Y' of element 'Kind' is not valid.", 9, 2),
    ], declared);
    expect(errs.map((e) => [e.kind, e.path])).toEqual([['enum', '3:7'], ['type', '9:2']]);
  });
});

describe('Ajv keywords -> kind', () => {
  it.each([
    ['const', 'const'], ['pattern', 'pattern'], ['minimum', 'range'], ['exclusiveMaximum', 'range'], ['multipleOf', 'range'],
    ['minLength', 'length'], ['maxItems', 'items'], ['uniqueItems', 'items'], ['oneOf', 'one-of'], ['anyOf', 'one-of'],
    ['dependentRequired', 'required'], ['not', 'other'], ['if', 'other'],
  ])('%s -> %s', (keyword, kind) => {
    expect(keywordKind(keyword)).toBe(kind);
  });
});
