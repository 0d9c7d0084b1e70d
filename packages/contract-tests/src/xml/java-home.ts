// Locating the JDK and compiling the batch helper once (cached per user by source and JDK).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBuild, cacheKey, jdkIdentity, UnsafeCacheError, type HelperCacheOptions } from './helper-cache.js';

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
 * Returns a directory holding the compiled XsdBatch.class, compiling it on first use into the user's
 * private cache (see helper-cache.ts). The key hashes the source and the JDK, so an edited helper or
 * another JDK gets its own entry and old ones never apply.
 */
export function ensureHelperCompiled(javaHome?: string, cache?: HelperCacheOptions): string {
  const source = readFileSync(HELPER_SOURCE);
  const javac = javaTool('javac', javaHome);
  try {
    // The message names the JAVA_HOME in effect: the option, else the environment's.
    return cachedBuild(cacheKey('xsdbatch', source, jdkIdentity(javac, cache?.env)), (outDir) => compileHelper(javac, outDir, javaHome ?? (process.env.JAVA_HOME || undefined)), cache);
  } catch (e) {
    if (e instanceof UnsafeCacheError) throw new JavaUnavailableError(e.message);
    throw e;
  }
}

function compileHelper(javac: string, outDir: string, javaHome: string | undefined): void {
  const run = spawnSync(javac, ['-d', outDir, HELPER_SOURCE], { encoding: 'utf8' });
  if (!run.error && run.status === 0) return;
  if (!run.error) throw new JavaUnavailableError(`${HELPER_SOURCE} does not compile with ${javac}:\n${run.stderr.trim()}`);
  const why = (run.error as NodeJS.ErrnoException).code === 'ENOENT' ? `${javac} not found` : run.error.message;
  throw new JavaUnavailableError(
    `XML validation needs a JDK 17+ (java and javac): ${why}. Install one, or set JAVA_HOME to its directory` +
      (javaHome ? ` (JAVA_HOME is ${javaHome})` : ' (JAVA_HOME is not set)') + '.',
  );
}
