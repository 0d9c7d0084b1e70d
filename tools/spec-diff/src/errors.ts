/**
 * A problem the user can fix (unknown ref, not a git repo, broken spec at one side): the CLI prints its
 * message on one line and exits 2, without a stack trace.
 */
export class SpecDiffError extends Error {
  override readonly name = 'SpecDiffError';
}
