/**
 * JUnit XML (`--format junit` / `--junit-file`), the format CI systems (GitHub Actions reporters,
 * GitLab, Jenkins, Azure Pipelines) display: one testsuite per product, one testcase per response.
 */
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

function testcase(e: CheckEntry): string {
  const name = xmlEscape(e.source);
  const cls = xmlEscape(`${e.product}.${e.operationId ?? 'unknown-operation'}`);
  if (e.ok) return `    <testcase classname="${cls}" name="${name}"/>`;
  const first = e.errors[0];
  const message = xmlEscape(first ? `${first.path}: ${first.message}` : e.outcome);
  const details = e.errors
    .map((err) => `${err.path}: ${err.message}${err.expected !== undefined ? `\n  expected: ${err.expected}` : ''}${err.actual !== undefined ? `\n  actual: ${err.actual}` : ''}`)
    .join('\n');
  return [
    `    <testcase classname="${cls}" name="${name}">`,
    `      <failure type="${xmlEscape(e.outcome)}" message="${message}">${xmlEscape(`${e.method} ${e.url} -> ${e.status}\n${details}`)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** Formats a report as JUnit XML. */
export function formatJunit(report: CheckReport): string {
  const byProduct = new Map<string, CheckEntry[]>();
  for (const e of report.entries) byProduct.set(e.product, [...(byProduct.get(e.product) ?? []), e]);
  const failures = report.entries.filter((e) => !e.ok).length;
  const suites = [...byProduct].map(([product, entries]) => {
    const f = entries.filter((e) => !e.ok).length;
    return [`  <testsuite name="${xmlEscape(product)}" tests="${entries.length}" failures="${f}" errors="0" skipped="0">`, ...entries.map(testcase), '  </testsuite>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="veeam-contract" tests="${report.entries.length}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
