// What every check returns: findings that fail the run, and notes that are only reported.

/** One problem a check found. */
export interface Finding {
  /** File the problem is in (absolute), when known. */
  file?: string;
  /** `line:column` or JSON pointer inside `file`. */
  position?: string;
  message: string;
}

/** Result of one check. */
export interface CheckResult {
  /** Short check name (`lint`, `examples`, `mutation`, `links`, `xsd-consistency`). */
  name: string;
  /** One line saying what was checked (counts). */
  summary: string;
  /** Problems: any makes the run fail. */
  failures: Finding[];
  /** Information (e.g. dead links accepted), never a failure. */
  notes: string[];
}

/** Formats a finding as `file:position: message` (paths relative to `root`). */
export function formatFinding(f: Finding, root: string): string {
  const file = f.file ? (f.file.startsWith(root) ? f.file.slice(root.length).replace(/^\/+/, '') : f.file) : undefined;
  const where = [file, f.position].filter(Boolean).join(f.position?.startsWith('#') || f.position?.startsWith('/') ? ' ' : ':');
  return where ? `${where}: ${f.message}` : f.message;
}
