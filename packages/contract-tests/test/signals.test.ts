// Ctrl+C and CI cancellation: the real `veeam-contract` process, busy validating a large XML corpus in
// its JVM, gets SIGTERM or SIGINT. It must end with 143 / 130, print one line and no report, and leave
// no JVM behind (the JVM's pid is checked).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSidecar } from '../src/recordings/sidecar.js';
import { packageDir, recordingsDir, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let corpus: string;
let bigXml: string;

/** The EM list recording with its references repeated `n` times: a large, valid body. */
function bigList(n: number): string {
  const xml = readFileSync(path.join(recordingsDir, 'enterprise-manager', 'listAgentBackupSessions', '200.xml'), 'utf8');
  const open = xml.indexOf('<Ref ');
  const close = xml.lastIndexOf('</EntityReferences>');
  return xml.slice(0, open) + xml.slice(open, close).repeat(n) + xml.slice(close);
}

beforeAll(() => {
  tmp = tempDir('signals');
  const meta = JSON.parse(readFileSync(path.join(recordingsDir, 'enterprise-manager', 'listAgentBackupSessions', '200.xml.meta.json'), 'utf8')) as { url: string };
  const dir = path.join(tmp.dir, 'corpus', 'enterprise-manager', 'listAgentBackupSessions');
  mkdirSync(dir, { recursive: true });
  const body = bigList(40);
  for (let i = 0; i < 400; i++) {
    writeFileSync(path.join(dir, `200-copy${i}.xml`), body);
    writeFileSync(path.join(dir, `200-copy${i}.xml.meta.json`), formatSidecar({ method: 'GET', url: meta.url, status: 200, contentType: 'application/xml', origin: 'recorded' }));
  }
  corpus = path.join(tmp.dir, 'corpus');
  bigXml = path.join(tmp.dir, 'big.xml');
  writeFileSync(bigXml, bigList(2500)); // about 14 MB: under the 16 MiB limit
});
afterAll(() => tmp.cleanup());

/** Child processes of `pid` (Linux /proc) with their command names. */
function children(pid: number): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    if (ppid === pid) out.push({ pid: Number(name), comm: stat.slice(stat.indexOf('(') + 1, close) });
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the real CLI, waits until its JVM runs, sends `signal`, and reports how the process ended.
 */
async function interrupt(argv: string[], signal: 'SIGTERM' | 'SIGINT'): Promise<{ code: number | null; stdout: string; stderr: string; javaPid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(packageDir, 'src', 'cli', 'main.ts'), ...argv], {
    cwd: packageDir,
    env: { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let javaPid: number | undefined;
  for (let waited = 0; javaPid === undefined; waited += 20) {
    if (child.exitCode !== null) throw new Error(`the CLI ended (exit ${child.exitCode}) before its JVM started: ${stderr}`);
    if (waited > 120_000) throw new Error('no JVM started within 120 s');
    javaPid = children(child.pid!).find((c) => c.comm === 'java')?.pid;
    if (javaPid === undefined) await sleep(20);
  }
  child.kill(signal);
  const code = await exited;
  return { code, stdout, stderr, javaPid };
}

describe('signals end a run', () => {
  it.each([
    ['check', 'SIGTERM', 143],
    ['check', 'SIGINT', 130],
    ['validate', 'SIGTERM', 143],
  ] as const)('%s + %s: exit %i, one line, no report, no JVM left', { timeout: 240_000 }, async (command, signal, want) => {
    const argv = command === 'check'
      ? ['check', corpus, '--format', 'json']
      : ['validate', '--product', 'enterprise-manager', '--request', 'GET /api/agents/backupSessions', '--status', '200', '--content-type', 'application/xml', bigXml];
    const r = await interrupt(argv, signal);
    expect(r.code, r.stderr).toBe(want);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`veeam-contract: interrupted by ${signal}; no results reported\n`);
    // SIGKILL reaches the JVM before the CLI exits; allow the kernel a moment to reap it.
    for (let i = 0; i < 100 && alive(r.javaPid); i++) await sleep(50);
    expect(alive(r.javaPid), `JVM ${r.javaPid} still running`).toBe(false);
  });
});
