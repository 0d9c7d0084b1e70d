/** A problem in the specs themselves (not in a validated body): names the file and the position. */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(
    /** The problem without file and position. */
    readonly detail: string,
    /** File the problem is in, absolute path. */
    readonly file?: string,
    /** `line:column` or JSON pointer inside `file`. */
    readonly position?: string,
  ) {
    super(file ? `${file}${position ? `:${position}` : ''}: ${detail}` : detail);
  }
}
