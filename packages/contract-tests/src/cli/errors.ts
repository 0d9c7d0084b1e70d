/**
 * Errors that the CLI turns into exit code 2 with a one-line message (no stack trace): they are the
 * user's mistake (bad flag, missing file, malformed sidecar), not a bug of ours.
 */

/** A command line that cannot be understood: unknown flag, missing value, bad choice. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file that cannot be used: missing, unreadable, malformed sidecar or HAR. Names the file. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** True for errors whose message alone is the whole story for the user. */
export function isUserError(err: unknown): err is UsageError | InputError {
  return err instanceof UsageError || err instanceof InputError;
}

/** Exit codes of the signals a run ends on (128 + the signal number, as shells report them). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** The signals that interrupt a run. */
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The run was interrupted (Ctrl+C, SIGTERM from CI cancellation): no result is reported. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}; no results reported`);
  }

  /** 130 for SIGINT, 143 for SIGTERM. */
  get exitCode(): number {
    return SIGNAL_EXIT_CODES[this.signal];
  }
}
