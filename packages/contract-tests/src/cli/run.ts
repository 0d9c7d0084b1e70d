/** Command dispatch of `veeam-contract` and the mapping of errors to exit codes. */
import { SpecError } from '../spec/errors.js';
import { JavaUnavailableError } from '../xml/java-home.js';
import { CHECK_USAGE, runCheck } from './check.js';
import { escapeControls } from '../report/escape.js';
import { RemoteError } from '../record/errors.js';
import { Interrupted, isUserError, UsageError, type StopSignal } from './errors.js';
import type { CliIO } from './io.js';
import { MOCK_USAGE, runMock } from './mock.js';
import { RECORD_USAGE, runRecord } from './record.js';
import { runValidate, VALIDATE_USAGE } from './validate.js';

/** Exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const USAGE = `veeam-contract: contract tests for Veeam REST APIs (enterprise-manager, m365, azure)

${CHECK_USAGE}

${VALIDATE_USAGE}

${MOCK_USAGE}

${RECORD_USAGE}`;

/**
 * Runs one CLI invocation and returns its exit code. User mistakes print one line on stderr; only
 * bugs of ours print a stack.
 * @param signal aborted (reason: `'SIGINT'` or `'SIGTERM'`) when the run should end: `mock` stops
 *   serving and exits 0; every other command ends at once (its JVM killed, no report written) and
 *   exits 130 (SIGINT) or 143 (SIGTERM)
 */
export async function run(argv: readonly string[], io: CliIO, signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await interruptible(runCheck(rest, io, signal), signal);
      case 'validate':
        return await interruptible(runValidate(rest, io, signal), signal);
      case 'mock':
        return await runMock(rest, io, stopped(signal));
      case 'record':
        return await interruptible(runRecord(rest, io), signal);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        (command === undefined ? io.stderr : io.stdout).write(USAGE + '\n');
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}" (commands: check, validate, mock, record; see veeam-contract --help)`);
    }
  } catch (err) {
    if (err instanceof Interrupted) {
      io.stderr.write(`veeam-contract: ${err.message}\n`);
      return err.exitCode;
    }
    if (isUserError(err) || err instanceof SpecError || err instanceof JavaUnavailableError || err instanceof RemoteError) {
      // One line; file names, URLs and server text in it must not drive the terminal.
      io.stderr.write(`veeam-contract: ${escapeControls(err.message.replace(/\s*\n\s*/g, ' '))}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`veeam-contract: internal error (please report): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.usage;
  }
}

/** Resolves when `signal` is aborted (never without one). */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Settles with the command, or rejects with {@link Interrupted} as soon as `signal` is aborted (the
 * command's own abort listeners have killed its JVM by then; its late result is ignored).
 */
async function interruptible(command: Promise<number>, signal: AbortSignal | undefined): Promise<number> {
  if (!signal) return command;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Interrupted(signal.reason as StopSignal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  command.catch(() => { /* after an interruption the command may still fail: ignored */ });
  try {
    return await Promise.race([command, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
