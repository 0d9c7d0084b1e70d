// Check 1: `redocly lint` (the real CLI) with the repo's strict config and custom rules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult, Finding } from '../findings.js';

/** The redocly binary of this checkout (root devDependency). */
function redoclyBin(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const bin = path.join(dir, 'node_modules', '.bin', 'redocly');
    if (existsSync(bin)) return bin;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('redocly CLI not found: run pnpm install');
    dir = up;
  }
}

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { source: { ref: string }; pointer?: string; start?: { line: number; col: number } }[];
}

/** Runs `redocly lint --format json` over every API in `rootDir/redocly.yaml`. */
export function lintCheck(rootDir: string): CheckResult {
  const run = spawnSync(redoclyBin(), ['lint', '--config', path.join(rootDir, 'redocly.yaml'), '--format', 'json'], {
    cwd: rootDir,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const failures: Finding[] = [];
  let problems: LintProblem[] | undefined;
  try {
    // One JSON report per API, written back to back.
    const reports = splitJsonObjects(run.stdout).map((t) => JSON.parse(t) as { problems: LintProblem[] });
    if (reports.length > 0) problems = reports.flatMap((r) => r.problems);
  } catch { /* handled below */ }
  if (!problems) {
    const why = (run.stderr || run.stdout).trim().split('\n').slice(-5).join('\n');
    return { name: 'lint', summary: 'redocly lint did not produce a report', failures: [{ message: `redocly lint failed (exit ${run.status}): ${why}` }], notes: [] };
  }
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const loc = p.location[0];
    failures.push({
      file: loc ? path.resolve(rootDir, loc.source.ref) : undefined,
      position: loc?.start ? `${loc.start.line}:${loc.start.col}` : loc?.pointer,
      message: `${p.message} [${p.ruleId}]`,
    });
  }
  if (run.status !== 0 && failures.length === 0) failures.push({ message: `redocly lint exited ${run.status}: ${run.stderr.trim().slice(-500)}` });
  const warnings = problems.filter((p) => p.severity === 'warn').length;
  return { name: 'lint', summary: `redocly lint: ${failures.length} errors, ${warnings} warnings`, failures, notes: [] };
}

/** Splits back-to-back top-level JSON objects (`{...}{...}`), skipping text between them. */
export function splitJsonObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"' && depth > 0) inString = true;
    else if (c === '{') { if (depth++ === 0) start = i; }
    else if (c === '}' && depth > 0 && --depth === 0) out.push(text.slice(start, i + 1));
  }
  return out;
}
