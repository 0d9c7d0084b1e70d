/**
 * A problem the user can fix (bad registry entry, spec that does not bundle, missing build output).
 * CLIs print its message alone, without a stack trace.
 */
export class DocsError extends Error {
  override name = 'DocsError';
}
