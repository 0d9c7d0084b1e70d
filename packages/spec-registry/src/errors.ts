import path from 'node:path';

/** One problem in the registry or a spec, with the place it is at (as much of it as is known). */
export interface RegistryProblem {
  /** What is wrong, without the place. */
  message: string;
  /** Absolute path of the file the problem is in. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  col?: number;
  /** JSON pointer inside `file` (`#/paths/~1jobs/get`). */
  pointer?: string;
}

/**
 * A problem a user can fix: a broken registry entry, a spec that does not bundle, an unknown API name.
 * Its message is one line per problem, `file:line:col: message (#/pointer)`, with files shown relative
 * to the registry folder; CLIs print it without a stack trace.
 */
export class RegistryError extends Error {
  override name = 'RegistryError';
  /** Every problem, at least one; the getters below read the first. */
  readonly problems: readonly RegistryProblem[];

  /**
   * @param problems one or more problems
   * @param displayRoot files under this folder are shown relative to it in the message
   */
  constructor(problems: RegistryProblem | readonly RegistryProblem[], readonly displayRoot?: string) {
    const list = Array.isArray(problems) ? [...(problems as readonly RegistryProblem[])] : [problems as RegistryProblem];
    if (list.length === 0) list.push({ message: 'unknown registry problem' });
    super(list.map((p) => formatProblem(p, displayRoot)).join('\n'));
    this.problems = list;
  }

  /** File of the first problem (absolute). */
  get file(): string | undefined {
    return this.problems[0]!.file;
  }

  /** `line:col` of the first problem, when known. */
  get position(): string | undefined {
    const p = this.problems[0]!;
    return p.line === undefined ? undefined : `${p.line}:${p.col ?? 1}`;
  }

  /** JSON pointer of the first problem, when known. */
  get pointer(): string | undefined {
    return this.problems[0]!.pointer;
  }

  /** Message of the first problem, without its place. */
  get detail(): string {
    return this.problems[0]!.message;
  }
}

/** `file:line:col: message (#/pointer)`; parts that are unknown are left out. */
export function formatProblem(p: RegistryProblem, displayRoot?: string): string {
  let where = p.file === undefined ? '' : displayPath(p.file, displayRoot);
  if (where && p.line !== undefined) where += `:${p.line}:${p.col ?? 1}`;
  const pointer = p.pointer ? ` (${p.pointer})` : '';
  return where ? `${where}: ${p.message}${pointer}` : `${p.message}${pointer}`;
}

/** `file` relative to `root` when it lies inside it (forward slashes), else as given. */
export function displayPath(file: string, root?: string): string {
  if (root === undefined) return file;
  const rel = path.relative(root, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
