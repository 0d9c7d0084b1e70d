// Shared helpers of the CLI-level tests: run `veeam-contract` in-process (fast, same code path as the
// bin) or as a real child process (exit codes, stderr shape).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const recordingsDir = path.join(packageDir, 'recordings');

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in write order, as a terminal would show them. */
  combined: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string | Buffer; tty?: boolean; stdinTty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let combined = '';
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & { isTTY?: boolean };
  if (options.stdinTty) stdin.isTTY = true;
  const code = await run(argv, {
    stdout: { write: (s: string) => ((stdout += s), (combined += s), true) },
    stderr: { write: (s: string) => ((stderr += s), (combined += s), true), isTTY: options.tty ?? false, columns: 100 },
    stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? packageDir,
  });
  return { code, stdout, stderr, combined };
}

/** Runs the real bin (through tsx) as a child process. */
export function spawnCli(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(packageDir, 'src', 'cli', 'main.ts'), ...argv], {
    cwd: options.cwd ?? packageDir,
    env: { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, combined: r.stdout + r.stderr };
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `veeam-contract-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
