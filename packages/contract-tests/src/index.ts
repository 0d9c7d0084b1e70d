/**
 * @veeam-rest/contract-tests: validate real Veeam REST responses against the specs.
 *
 * API NOTE (stable; the CLI, recorder, mock server and benchmarks build on it):
 * - `createValidator({ rootDir?, javaHome?, maxBodyBytes? })` -> `ContractValidator` with
 *   `validate(input)`, `validateMany(inputs)` (all XML in ONE JVM batch), `operations(product)`,
 *   `match(product, method, url)` and `close()` (ends the JVM; always call it).
 * - Specs load lazily: creating a validator reads only `redocly.yaml`; a product's API is bundled on its
 *   first validation (or `await v.load(product)`), so one product's broken spec cannot break another's.
 *   The sync `operations`/`match` need the product loaded; `v.indexes` needs `await v.loadAll()`.
 * - `validateResponse(input)`: convenience over one shared, lazily created validator (repo root
 *   resolved from this package). Its JVM does not keep Node alive; call `closeSharedValidator()` to end it.
 * - `ResponseInput = { product, method, url, status, contentType?, body: string | Uint8Array }`;
 *   `url` is absolute or a path that includes the server base path (`/api`, `/v3`, `/api/v2`) + query.
 * - `ValidationResult = { ok, outcome, operationId?, schema?, errors: [{ path, message, expected?, actual? }] }`,
 *   `outcome`: valid | invalid | unknown-operation | unknown-status | unknown-media-type | malformed.
 *   `path` is a JSON pointer for JSON, `line:column` for XML and unparsable bodies.
 * - Spec problems (broken YAML, bad $ref, uncompilable schema) throw `SpecError` (file + position) from
 *   the first call that needs that product.
 *   A missing JDK throws `JavaUnavailableError` (names JAVA_HOME) on the first XML body.
 */
import { Validator } from './validate.js';
import type { ContractValidator, ResponseInput, ValidationResult, ValidatorOptions } from './types.js';

export type { ContractValidator, OperationInfo, Outcome, Product, ResponseInput, ValidationError, ValidationResult, ValidatorOptions } from './types.js';
export { PRODUCTS } from './types.js';
export { SpecError } from './spec/errors.js';
export { JavaUnavailableError } from './xml/java-home.js';
export { matchOperation, matchSegments, splitUrl, type OperationMatch } from './match.js';
// Lower-level building blocks, used by tools/spec-checks.
export { Validator, type BodyTarget, type ExpectedRoot, isJson, isXml, schemaNames } from './validate.js';
export { SchemaCompiler, type CompiledSchema } from './json/ajv.js';
export { loadSpecs, loadSpec, loadRegistry, problemToError, xsdTargetNamespace, type LoadedSpec, type OpenApiDoc, type Registry, type RegisteredApi, type Schema } from './spec/load.js';
export { indexSpec, resolveLocal, getByPointer, escapePointer, schemaRefName, baseMediaType, type SpecIndex, type IndexedOperation, type MediaTypeEntry, type Segment, type Representations } from './spec/index.js';
export { XsdBatchValidator, type XsdJob, type XsdVerdict, type XsdIssue } from './xml/batch.js';
export { checkXml, type RootElement } from './xml/safety.js';

/**
 * Creates a validator over every API in the repo's `redocly.yaml` (each bundled when first needed).
 * @example
 * const v = await createValidator();
 * const r = await v.validate({ product: 'm365', method: 'GET', url: '/v3/JobSessions', status: 200, contentType: 'application/json', body });
 * await v.close();
 */
export async function createValidator(options?: ValidatorOptions): Promise<ContractValidator & Validator> {
  return Validator.create(options);
}

let shared: Promise<Validator> | undefined;

/** Validates one response with a shared validator created on first use (repo root from this package). */
export async function validateResponse(input: ResponseInput): Promise<ValidationResult> {
  shared ??= Validator.create().catch((e: unknown) => {
    shared = undefined; // let a later call retry (e.g. after the specs were fixed)
    throw e;
  });
  return (await shared).validate(input);
}

/** Closes the shared validator of {@link validateResponse} (its JVM), if one was created. */
export async function closeSharedValidator(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s) await (await s).close();
}
