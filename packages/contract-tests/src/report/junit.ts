/**
 * JUnit XML (`--format junit` / `--junit-file`), the format CI systems (GitHub Actions reporters,
 * GitLab, Jenkins, Azure Pipelines) display: one testsuite per product, one testcase per response.
 */
import type { ValidationError } from '../types.js';
import type { CheckEntry, CheckReport } from './model.js';

// XML 1.0 forbids most control characters even as character references (bodies, URLs and file
// names can hold anything, ANSI escapes included): they are written as visible `\x1b` escapes.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element. */
export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML_CHARS, (c) => {
      const code = c.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One error as JUnit failure text: `[kind] path: message` + expected / actual lines. */
function errorText(err: ValidationError): string {
  return `[${err.kind}] ${err.path}: ${err.message}${err.expected !== undefined ? `\n  expected: ${err.expected}` : ''}${err.actual !== undefined ? `\n  actual: ${err.actual}` : ''}`;
}

function testcase(e: CheckEntry, xmlWithoutJdk: 'fail' | 'skip' | undefined): string {
  const name = xmlEscape(e.source);
  const cls = xmlEscape(`${e.api ?? 'no-api'}.${e.operationId ?? 'unknown-operation'}`);
  // Allowed drift goes to the test's output: visible in CI, not a failure.
  const drift = e.drift?.length ? `      <system-out>${xmlEscape(`additive differences (allowed):\n${e.drift.map(errorText).join('\n')}`)}</system-out>` : undefined;
  if (e.ok) return drift ? [`    <testcase classname="${cls}" name="${name}">`, drift, '    </testcase>'].join('\n') : `    <testcase classname="${cls}" name="${name}"/>`;
  if (e.outcome === 'skipped-no-jdk' && xmlWithoutJdk === 'skip') {
    return [`    <testcase classname="${cls}" name="${name}">`, `      <skipped message="${xmlEscape(e.errors[0]?.message ?? 'XML not validated: needs a JDK 17+')}"/>`, '    </testcase>'].join('\n');
  }
  const first = e.errors[0];
  const message = xmlEscape(first ? `[${first.kind}] ${first.path}: ${first.message}` : e.outcome);
  const details = e.errors.map(errorText).join('\n') + (e.drift?.length ? `\nadditive differences (allowed):\n${e.drift.map(errorText).join('\n')}` : '');
  return [
    `    <testcase classname="${cls}" name="${name}">`,
    `      <failure type="${xmlEscape(e.outcome)}" message="${message}">${xmlEscape(`${e.method} ${e.url} -> ${e.status}\n${details}`)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** Formats a report as JUnit XML. */
export function formatJunit(report: CheckReport): string {
  // One suite per API (`m365@v3`); responses no API serves go to `no-api`.
  const byApi = new Map<string, CheckEntry[]>();
  for (const e of report.entries) byApi.set(e.api ?? 'no-api', [...(byApi.get(e.api ?? 'no-api') ?? []), e]);
  const skip = (e: CheckEntry) => e.outcome === 'skipped-no-jdk' && report.xmlWithoutJdk === 'skip';
  const failures = report.entries.filter((e) => !e.ok && !skip(e)).length;
  const suites = [...byApi].map(([api, entries]) => {
    const f = entries.filter((e) => !e.ok && !skip(e)).length;
    const skipped = entries.filter(skip).length;
    return [`  <testsuite name="${xmlEscape(api)}" tests="${entries.length}" failures="${f}" errors="0" skipped="${skipped}">`, ...entries.map((e) => testcase(e, report.xmlWithoutJdk)), '  </testsuite>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="veeam-contract" tests="${report.entries.length}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
