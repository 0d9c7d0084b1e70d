// Loads the registry for the checks; spec problems become findings instead of stack traces.
import { SpecError, createValidator, type Validator } from '@veeam-rest/contract-tests';
import type { Finding } from './findings.js';

/** The validator over `rootDir`, or the finding that explains why the specs cannot be loaded. */
export async function loadForChecks(rootDir: string): Promise<{ validator: Validator; error?: undefined } | { validator?: undefined; error: Finding }> {
  try {
    const validator = await createValidator({ rootDir });
    await validator.loadAll(); // the checks read every product's index (specs load lazily)
    return { validator };
  } catch (e) {
    if (e instanceof SpecError) {
      // The plugin reports example files as "<file>:<line>:<col>: invalid JSON example: ..." from the
      // spec file that references them: point at the example itself.
      const ex = /^(\/.+?):(\d+:\d+): (invalid JSON example: .*)$/s.exec(e.detail);
      if (ex) return { error: { file: ex[1], position: ex[2], message: `${ex[3]} (referenced from ${e.file}:${e.position})` } };
      return { error: { file: e.file, position: e.position, message: e.detail } };
    }
    const err = e as Error & { source?: { absoluteRef?: string } };
    return { error: { file: err.source?.absoluteRef, message: `cannot load the specs: ${err.message}` } };
  }
}
