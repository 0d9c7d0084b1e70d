/** Command dispatch of `veeam-contract` and the mapping of errors to exit codes. */
import { RegistryError } from '@veeam-rest/spec-registry/lite';
import { JavaUnavailableError } from '../xml/java-home.js';
import { CHECK_USAGE, runCheck } from './check.js';
import { escapeControls } from '../report/escape.js';
import { RemoteError } from '../record/errors.js';
import { Interrupted, isUserError, UsageError, type StopSignal } from './errors.js';
import type { CliIO } from './io.js';
import { MOCK_USAGE, runMock } from './mock.js';
import { RECORD_USAGE, runRecord } from './record.js';
import { runValidate, VALIDATE_USAGE } from './validate.js';

/**
 * Exit codes of every command: 0 passed, 1 a contract failure, 2 a usage or input error (one line), 70
 * (EX_SOFTWARE of sysexits.h) a bug of ours; 130 / 143 after SIGINT / SIGTERM.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** Environment variable that adds the stack to an internal error's one line. */
export const DEBUG_ENV = 'VEEAM_CONTRACT_DEBUG';

export const USAGE = `veeam-contract: contract tests for Veeam REST APIs (every API version of the specs: enterprise-manager, m365, azure)

${CHECK_USAGE}

${VALIDATE_USAGE}

${MOCK_USAGE}

${RECORD_USAGE}

veeam-contract <command> --help: that command's options. Exit codes: 0 passed, 1 failed, 2 usage/input
error, 70 internal error (a bug: please report it; ${DEBUG_ENV}=1 prints the stack).`;

/**
 * Runs one CLI invocation and returns its exit code. User mistakes print one line on stderr and exit 2;
 * a bug of ours prints one line too and exits 70, with its stack only when `VEEAM_CONTRACT_DEBUG=1`.
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
    // SpecError is a RegistryError: a broken spec or registry names its file:line:col.
    if (isUserError(err) || err instanceof RegistryError || err instanceof JavaUnavailableError || err instanceof RemoteError) {
      // One line; file names, URLs and server text in it must not drive the terminal.
      io.stderr.write(`veeam-contract: ${escapeControls(err.message.replace(/\s*\n\s*/g, ' '))}\n`);
      return EXIT.usage;
    }
    return internalError(err, io);
  }
}

/**
 * A bug of ours: one line naming it, the hint to get the stack, exit 70. The stack (and the causes)
 * only with VEEAM_CONTRACT_DEBUG=1: a user's log should not fill with our internals.
 */
function internalError(err: unknown, io: CliIO): number {
  const message = err instanceof Error ? `${err.name !== 'Error' ? `${err.name}: ` : ''}${err.message}` : String(err);
  const debug = io.env[DEBUG_ENV] === '1';
  const line = escapeControls(message.replace(/\s*\n\s*/g, ' '));
  try {
    io.stderr.write(`veeam-contract: internal error (please report): ${line}${debug ? '' : ` (set ${DEBUG_ENV}=1 for the stack)`}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  } catch {
    // stderr itself failed: the exit code still tells
  }
  return EXIT.internal;
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
