// Xerces messages -> ValidationError with expected/actual pulled out of the common cvc-* texts.
import type { ValidationError } from '../types.js';
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

/** Maps one JVM-reported issue. */
export function mapXsdIssue(issue: XsdIssue): ValidationError {
  const message = issue.message;
  const err: ValidationError = { path: `${issue.line}:${issue.column}`, message };
  for (const [re, f] of PATTERNS) {
    const m = re.exec(issue.message);
    if (m) { Object.assign(err, f(m)); break; }
  }
  return err;
}
