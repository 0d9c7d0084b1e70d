/**
 * A user's mistake in a spec or the registry: printed as `file:line:col pointer: message`, no stack.
 * The CLI exits 2 on it.
 */
export class SpecError extends Error {
  override name = 'SpecError';
  /**
   * @param problems one line per problem, each naming the file and position.
   */
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Throws a SpecError about one place of the bundled document (`<file> #/json/pointer`). */
export function specFail(source: string, pointer: string, message: string): never {
  throw new SpecError([`${source} #${pointer}: ${message}`]);
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
