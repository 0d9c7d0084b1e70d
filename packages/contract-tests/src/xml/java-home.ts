// Locating the JDK and compiling the batch helper once (cached by the source's hash).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Java is missing or the helper cannot be compiled. */
export class JavaUnavailableError extends Error {
  override name = 'JavaUnavailableError';
}

/** The helper's source; shipped in the package (`files` includes src/xml/java). */
export const HELPER_SOURCE = fileURLToPath(new URL('../../src/xml/java/XsdBatch.java', import.meta.url));

/** Path of `java` or `javac` from `javaHome`, `$JAVA_HOME`, else the bare name (PATH lookup). */
export function javaTool(tool: 'java' | 'javac', javaHome = process.env.JAVA_HOME): string {
  return javaHome ? path.join(javaHome, 'bin', tool) : tool;
}

/**
 * Returns a directory holding the compiled XsdBatch.class, compiling it on first use.
 * The cache key is the source hash, so an edited helper is recompiled and old caches never apply.
 */
export function ensureHelperCompiled(javaHome?: string): string {
  const source = readFileSync(HELPER_SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `veeam-rest-xsdbatch-${hash}`);
  if (existsSync(path.join(dir, 'XsdBatch.class'))) return dir;
  const javac = javaTool('javac', javaHome);
  const staging = mkdtempSync(path.join(os.tmpdir(), 'veeam-rest-xsdbatch-build-'));
  const run = spawnSync(javac, ['-d', staging, HELPER_SOURCE], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    if (!run.error) throw new JavaUnavailableError(`${HELPER_SOURCE} does not compile with ${javac}:\n${run.stderr.trim()}`);
    const why = (run.error as NodeJS.ErrnoException).code === 'ENOENT' ? `${javac} not found` : run.error.message;
    throw new JavaUnavailableError(
      `XML validation needs a JDK (java + javac, 17 or newer): ${why}. Install one or set JAVA_HOME to its directory` +
        (javaHome ? ` (JAVA_HOME is ${javaHome})` : ' (JAVA_HOME is not set)') + '.',
    );
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    renameSync(staging, dir); // atomic: a concurrent process either sees no dir or a complete one
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process won the race
  }
  return dir;
}
