/** Command dispatch of `veeam-contract` and the mapping of errors to exit codes. */
import { SpecError } from '../spec/errors.js';
import { JavaUnavailableError } from '../xml/java-home.js';
import { CHECK_USAGE, runCheck } from './check.js';
import { escapeControls } from '../report/escape.js';
import { RemoteError } from '../record/errors.js';
import { isUserError, UsageError } from './errors.js';
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
 * @param stop resolves when a long-running command (mock) should end
 */
export async function run(argv: readonly string[], io: CliIO, stop: Promise<void> = new Promise(() => {})): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'validate':
        return await runValidate(rest, io);
      case 'mock':
        return await runMock(rest, io, stop);
      case 'record':
        return await runRecord(rest, io);
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
    if (isUserError(err) || err instanceof SpecError || err instanceof JavaUnavailableError || err instanceof RemoteError) {
      // One line; file names, URLs and server text in it must not drive the terminal.
      io.stderr.write(`veeam-contract: ${escapeControls(err.message.replace(/\s*\n\s*/g, ' '))}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`veeam-contract: internal error (please report): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.usage;
  }
}
