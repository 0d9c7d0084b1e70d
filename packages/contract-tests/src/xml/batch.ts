// A long-lived JVM running XsdBatch: many documents, one JVM start. Requests are framed on stdin and
// answered one JSON line each, in order, so a FIFO of pending callbacks is enough.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ensureHelperCompiled, javaTool, JavaUnavailableError } from './java-home.js';

/** One XSD error as reported by the JVM. */
export interface XsdIssue { line: number; column: number; message: string }

/**
 * Verdict for one document. The JVM keeps the first MAX_XSD_ISSUES (1000) errors; `more` counts the
 * others, so a body full of errors costs neither memory nor a huge answer line.
 */
export interface XsdVerdict { ok: boolean; errors: XsdIssue[]; more?: number; schemaError?: string }

/** A document to validate against an XSD file. */
export interface XsdJob { xsd: string; xml: string | Uint8Array }

/** Runs XSD validation for batches of documents in one JVM process, started lazily. */
export class XsdBatchValidator {
  private child?: ChildProcessWithoutNullStreams;
  private pending: { resolve: (v: XsdVerdict) => void; reject: (e: Error) => void }[] = [];
  private failure?: Error;
  private stderr = '';
  /** How many JVMs this instance started (the benchmark and tests read it). */
  jvmStarts = 0;

  constructor(private readonly javaHome?: string) {}

  /** Process id of the running JVM, if one is running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Validates all jobs; they are written in one go and cost at most one JVM start. */
  async validate(jobs: readonly XsdJob[]): Promise<XsdVerdict[]> {
    if (jobs.length === 0) return [];
    const child = this.start();
    const answers = jobs.map(() => new Promise<XsdVerdict>((resolve, reject) => this.pending.push({ resolve, reject })));
    const frames: Buffer[] = [];
    for (const job of jobs) {
      const body = typeof job.xml === 'string' ? Buffer.from(job.xml, 'utf8') : Buffer.from(job.xml);
      frames.push(Buffer.from(`${job.xsd}\t${body.length}\n`, 'utf8'), body);
    }
    this.hold(true);
    child.stdin.write(Buffer.concat(frames));
    try {
      return await Promise.all(answers);
    } finally {
      if (this.pending.length === 0) this.hold(false);
    }
  }

  /** Ends the JVM: stdin EOF makes it exit; waits for the exit so no process is left behind. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      child.stdin.end();
    });
  }

  /**
   * Ends the JVM now (SIGKILL) and fails the documents it still owes an answer; waits until it has
   * exited. For interruption (Ctrl+C, SIGTERM): no answer is awaited, nothing is left running.
   */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    this.fail(new Error('XsdBatch JVM was stopped (interrupted)'));
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.failure) throw this.failure;
    if (this.child) return this.child;
    const classDir = ensureHelperCompiled(this.javaHome);
    const java = javaTool('java', this.javaHome);
    // C1-only JIT and the serial GC keep the start cheap; the batch is short-lived work per document.
    const child = spawn(java, ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', classDir, 'XsdBatch'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.jvmStarts++;
    this.child = child;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const next = this.pending.shift();
      if (!next) return;
      try {
        next.resolve(JSON.parse(line) as XsdVerdict);
      } catch {
        next.reject(new Error(`XsdBatch answered an unreadable line: ${line.slice(0, 200)}`));
      }
    });
    child.stderr.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString('utf8')).slice(-4000); });
    child.on('error', (e: NodeJS.ErrnoException) => {
      const err = e.code === 'ENOENT'
        ? new JavaUnavailableError(`XML validation needs a JDK 17+ (java and javac): ${java} not found. Install one, or set JAVA_HOME to its directory.`)
        : e;
      this.fail(err);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.pending.length > 0) this.fail(new Error(`XsdBatch JVM exited (code ${code}, signal ${signal}) with ${this.pending.length} documents unanswered: ${this.stderr.trim()}`));
    });
    child.stdin.on('error', () => { /* reported by 'exit' / 'error' */ });
    return child;
  }

  /**
   * Keeps Node alive only while answers are awaited: an idle JVM must not hold the process open, and
   * when Node exits the JVM sees stdin EOF and ends too.
   */
  private hold(busy: boolean): void {
    const c = this.child;
    if (!c) return;
    const method = busy ? 'ref' : 'unref';
    c[method]();
    for (const s of [c.stdin, c.stdout, c.stderr] as any[]) s?.[method]?.();
  }

  private fail(err: Error): void {
    if (err instanceof JavaUnavailableError) this.failure = err;
    const waiting = this.pending;
    this.pending = [];
    for (const p of waiting) p.reject(err);
  }
}
