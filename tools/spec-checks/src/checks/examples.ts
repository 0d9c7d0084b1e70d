// Check 2: every example validates against its schema (JSON: Ajv; XML: root element + XSD in one JVM).
import type { Validator, ValidationResult } from '@veeam-rest/contract-tests';
import type { ExampleCase } from '../examples.js';
import type { CheckResult, Finding } from '../findings.js';

/** Turns a failed validation of an example into findings located in the example's file. */
export function resultFindings(ex: ExampleCase, r: ValidationResult, prefix = ''): Finding[] {
  return r.errors.map((e) => ({
    file: ex.file,
    position: e.path,
    message: `${prefix}${ex.label}: ${e.message}${e.expected ? ` (expected ${e.expected}${e.actual !== undefined ? `, got ${e.actual}` : ''})` : ''}`,
  }));
}

/** Validates every example in one batch. */
export async function examplesCheck(v: Validator, examples: ExampleCase[]): Promise<CheckResult> {
  const results = await v.validateTargets(examples.map((ex) => ({ target: ex.target, body: ex.body })));
  const failures: Finding[] = [];
  examples.forEach((ex, i) => {
    const r = results[i]!;
    if (!r.ok) failures.push(...resultFindings(ex, r));
  });
  // An operation without any response example is a failure too (the contract suite would test nothing).
  for (const [api, index] of v.indexes) {
    for (const op of index.operations) {
      const has = Object.values(op.content).some((entries) => entries.some((e) => Object.keys(e.examples).length > 0));
      if (!has) failures.push({ file: index.spec.rootFile, position: `#${op.pointer}`, message: `${api} ${op.operationId} has no response example` });
    }
  }
  const xml = examples.filter((e) => e.json === undefined).length;
  return { name: 'examples', summary: `${examples.length} examples (${examples.length - xml} JSON, ${xml} XML) validated`, failures, notes: [] };
}
