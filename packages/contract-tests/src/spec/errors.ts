import { RegistryError, type RegistryProblem } from '@veeam-rest/spec-registry/lite';

/**
 * A problem in the specs themselves (not in a validated body): names the file and the position. It is
 * the registry's error class (`file:line:col: message (#/pointer)`), so a spec that does not bundle and a
 * schema Ajv cannot compile are caught and printed alike.
 */
export class SpecError extends RegistryError {
  override name = 'SpecError';

  /**
   * @param detail the problem without file and position, or a registry error to carry over whole
   * @param file file the problem is in, absolute path
   * @param position `line:column`, a JSON pointer (`#/paths/...`), or `line:column (#/pointer)`
   */
  constructor(detail: string | RegistryError, file?: string, position?: string) {
    super(typeof detail === 'string' ? toProblem(detail, file, position) : detail.problems, typeof detail === 'string' ? undefined : detail.displayRoot);
  }
}

function toProblem(message: string, file?: string, position?: string): RegistryProblem {
  const m = position === undefined ? null : /^(\d+):(\d+)(?:\s+\((#.*)\))?$/.exec(position);
  if (m) return { message, ...(file ? { file } : {}), line: Number(m[1]), col: Number(m[2]), ...(m[3] ? { pointer: m[3] } : {}) };
  return { message, ...(file ? { file } : {}), ...(position ? { pointer: position.startsWith('#') ? position : `#${position}` } : {}) };
}
