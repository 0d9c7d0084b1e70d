// Xerces messages -> ValidationError: the error kind from the message's cvc-* code, and expected/actual
// pulled out of the common texts.
import { readFileSync } from 'node:fs';
import type { ErrorKind, ValidationError } from '../types.js';
import type { XsdIssue } from './batch.js';

const PATTERNS: [RegExp, (m: RegExpExecArray) => Partial<ValidationError>][] = [
  [/Value '(.*?)' is not facet-valid with respect to enumeration '\[(.*?)\]'/, (m) => ({ actual: m[1], expected: `one of ${m[2]}` })],
  [/'(.*?)' is not a valid value for '(.*?)'/, (m) => ({ actual: m[1], expected: m[2] })],
  [/Invalid content was found starting with element '(.*?)'\. One of '(.*?)' is expected/, (m) => ({ actual: `element ${m[1]}`, expected: m[2] })],
  [/The content of element '(.*?)' is not complete\. One of '(.*?)' is expected/, (m) => ({ actual: `incomplete ${m[1]}`, expected: m[2] })],
  [/Attribute '(.*?)' must appear on element '(.*?)'/, (m) => ({ actual: 'attribute absent', expected: `attribute ${m[1]}` })],
  [/Attribute '(.*?)' is not allowed to appear in element '(.*?)'/, (m) => ({ actual: `attribute ${m[1]}`, expected: `no attribute ${m[1]}` })],
  [/Cannot find the declaration of element '(.*?)'/, (m) => ({ actual: `element ${m[1]}`, expected: 'a root element declared in the XSD' })],
];

/**
 * Kinds by the code Xerces puts before each message (`cvc-complex-type.2.4.a: ...`, XML Schema 1.0
 * part 1, appendix C "Validation Rules"), longest prefix first. Codes absent here are `other`.
 */
const CODE_KINDS: [string, ErrorKind][] = [
  ['cvc-complex-type.2.4.a', 'xml-structure'], // refined below: an element the XSD declares nowhere is unknown
  ['cvc-complex-type.2.4.b', 'required'], // content incomplete: a required element is missing
  ['cvc-complex-type.2.4.c', 'xml-unknown-element'], // strict wildcard, no declaration
  ['cvc-complex-type.2.4.d', 'xml-structure'], // refined below
  ['cvc-complex-type.2', 'xml-structure'], // text or children where the type allows none, too many occurrences
  ['cvc-complex-type.3.1', 'const'], // fixed attribute value
  ['cvc-complex-type.3.2', 'xml-unknown-attribute'],
  ['cvc-complex-type.4', 'required'], // a required attribute is missing
  ['cvc-enumeration-valid', 'enum'],
  ['cvc-pattern-valid', 'pattern'],
  ['cvc-minInclusive-valid', 'range'], ['cvc-maxInclusive-valid', 'range'], ['cvc-minExclusive-valid', 'range'], ['cvc-maxExclusive-valid', 'range'],
  ['cvc-totalDigits-valid', 'range'], ['cvc-fractionDigits-valid', 'range'],
  ['cvc-length-valid', 'length'], ['cvc-minLength-valid', 'length'], ['cvc-maxLength-valid', 'length'],
  ['cvc-datatype-valid', 'type'],
  ['cvc-attribute.4', 'const'],
  ['cvc-elt.5.2.2', 'const'],
  ['cvc-elt.1', 'xml-structure'], // no declaration for the root element
  ['cvc-elt', 'type'], // nil, xsi:type, abstract
  ['cvc-type.3.1.1', 'xml-structure'], // attributes on a simple-typed element
  ['cvc-type.3.1.2', 'xml-structure'], // children in a simple-typed element
];

/**
 * Generic follow-ups Xerces reports right after a facet or datatype error at the same place ("The value
 * 'x' of element 'E' is not valid."): dropped after the error they repeat; alone they are `type`.
 */
const FOLLOW_UPS = ['cvc-type.3.1.3', 'cvc-attribute.3'];

/** Element names an XSD file declares (any scope): an element outside this set is new to the contract. */
const declaredCache = new Map<string, Set<string>>();

/** Local names of every `<xs:element name="...">` of an XSD file (read once per file). */
export function declaredElements(xsdFile: string): Set<string> {
  let names = declaredCache.get(xsdFile);
  if (!names) {
    names = new Set();
    const text = readFileSync(xsdFile, 'utf8');
    for (const m of text.matchAll(/<(?:[\w.-]+:)?element\b[^>]*?\sname\s*=\s*["']([^"']+)["']/g)) names.add(m[1]!);
    declaredCache.set(xsdFile, names);
  }
  return names;
}

/** Local name of an element as Xerces writes it: `{"namespace":Name}` or `Name`. */
function localName(written: string): string {
  const m = /^\{(?:"[^"]*")?:?(.*)\}$/.exec(written);
  const name = m ? m[1]! : written;
  return name.slice(name.lastIndexOf(':') + 1);
}

/** The element an "Invalid content was found starting with element ..." message names. */
export function offendingElement(message: string): string | undefined {
  const m = /starting with element '(.*?)'\./.exec(message) ?? /no declaration can be found for element '(.*?)'/.exec(message);
  return m ? localName(m[1]!) : undefined;
}

/** The attribute an "Attribute 'A' is not allowed ..." message names. */
export function offendingAttribute(message: string): string | undefined {
  return (/Attribute '(.*?)' is not allowed to appear/.exec(message) ?? /attribute wildcard for attribute '(.*?)'/.exec(message))?.[1];
}

function codeOf(message: string): string | undefined {
  return /^(cvc-[\w.-]+?):/.exec(message)?.[1];
}

function kindOfCode(code: string): ErrorKind {
  for (const [prefix, kind] of CODE_KINDS) if (code === prefix || code.startsWith(`${prefix}.`) || code.startsWith(prefix)) return kind;
  return 'other';
}

/**
 * Maps the issues of one document, in order.
 * @param declared element names of the XSD the document was validated against ({@link declaredElements})
 */
export function mapXsdIssues(issues: readonly XsdIssue[], declared: ReadonlySet<string>): ValidationError[] {
  const out: ValidationError[] = [];
  for (const issue of issues) {
    const err = mapXsdIssue(issue, declared);
    const code = codeOf(issue.message);
    const prev = out.at(-1);
    // The generic repeat of the facet or datatype error just reported at the same place says nothing new.
    if (code && FOLLOW_UPS.includes(code) && prev && prev.path === err.path && prev.kind !== 'other') continue;
    out.push(err);
  }
  return out;
}

/** Maps one JVM-reported issue (see {@link mapXsdIssues}, which also links follow-up messages). */
export function mapXsdIssue(issue: XsdIssue, declared: ReadonlySet<string> = new Set()): ValidationError {
  const message = issue.message;
  const err: ValidationError = { kind: kindOf(issue, declared), path: `${issue.line}:${issue.column}`, message };
  if (err.kind === 'enum' || err.kind === 'xml-unknown-element' || err.kind === 'xml-unknown-attribute') err.additive = true;
  for (const [re, f] of PATTERNS) {
    const m = re.exec(issue.message);
    if (m) { Object.assign(err, f(m)); break; }
  }
  return err;
}

function kindOf(issue: XsdIssue, declared: ReadonlySet<string>): ErrorKind {
  if (issue.line === 0) return 'other'; // not a validation finding (the JVM could not read the document)
  const code = codeOf(issue.message);
  // Without a cvc code it is the parser's: the document is not well-formed.
  if (!code) return 'malformed';
  if (code === 'cvc-complex-type.2.4.a' || code === 'cvc-complex-type.2.4.d') {
    const name = offendingElement(issue.message);
    // A name the XSD declares nowhere is a new member; a known one at the wrong place is structure.
    return name !== undefined && !declared.has(name) ? 'xml-unknown-element' : 'xml-structure';
  }
  if (FOLLOW_UPS.includes(code)) return 'type';
  return kindOfCode(code);
}
