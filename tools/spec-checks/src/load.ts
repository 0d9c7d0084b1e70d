// Loads the registry and the validator for the checks; spec problems become findings instead of stack traces.
import { createValidator, type Validator } from '@veeam-rest/contract-tests';
import { openRegistry, RegistryError, type Registry } from '@veeam-rest/spec-registry';
import type { Finding } from './findings.js';

/** The registry of `rootDir` (`@veeam-rest/spec-registry`), or the finding that explains why it cannot be read. */
export async function loadRegistryForChecks(rootDir: string): Promise<{ registry: Registry; error?: undefined } | { registry?: undefined; error: Finding }> {
  try {
    return { registry: await openRegistry({ rootDir }) };
  } catch (e) {
    if (e instanceof RegistryError) return { error: problemFinding(e) };
    throw e;
  }
}

/** The validator over `rootDir`, or the finding that explains why the specs cannot be loaded. */
export async function loadForChecks(rootDir: string): Promise<{ validator: Validator; error?: undefined } | { validator?: undefined; error: Finding }> {
  try {
    const validator = await createValidator({ rootDir });
    await validator.loadAll(); // the checks read every API's index (specs load lazily)
    return { validator };
  } catch (e) {
    // SpecError is a RegistryError: the registry already placed an unparsable example file at its own line:col.
    if (e instanceof RegistryError) return { error: problemFinding(e) };
    const err = e as Error & { source?: { absoluteRef?: string } };
    return { error: { file: err.source?.absoluteRef, message: `cannot load the specs: ${err.message}` } };
  }
}

/** The first problem of a RegistryError as a finding: `file`, `line:col (#/pointer)`, message. */
export function problemFinding(e: RegistryError): Finding {
  const position = [e.position, e.pointer ? (e.position ? `(${e.pointer})` : e.pointer) : undefined].filter(Boolean).join(' ');
  return { file: e.file, ...(position ? { position } : {}), message: e.detail };
}
