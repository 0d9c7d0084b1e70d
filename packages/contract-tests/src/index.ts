/**
 * @veeam-rest/contract-tests: validate real Veeam REST responses against the specs.
 *
 * API NOTE (stable; the CLI, recorder, mock server and benchmarks build on it):
 * - `createValidator({ rootDir?, javaHome?, maxBodyBytes?, allow? })` -> `ContractValidator` with
 *   `validate(input)`, `validateMany(inputs)` (all XML in ONE JVM batch), `operations(api)`,
 *   `match(api, method, url)` and `close()` (ends the JVM; always call it).
 * - Specs: by default the bundles shipped in this package (`dist/specs`: every API of the registry it was
 *   built from, examples inlined, and the XSDs), so it works in any folder; `rootDir` bundles a
 *   checkout's specs instead (spec authors).
 * - Every API is keyed by its registry alias (`m365@v3`, `m365@v8`). Specs load lazily: creating a
 *   validator reads only the index of the APIs and where each is served; an API is loaded on its first
 *   validation (or `await v.load(alias)`), so one API's broken spec cannot break another's. The sync
 *   `operations`/`match` need the API loaded; `v.indexes` needs `await v.loadAll()`.
 * - The API of a response: `input.api` when given; else the one whose server base path is the longest
 *   case-insensitive prefix of the URL's path (`/v3` vs `/v8`, `/api/v2` vs `/api/v8.1`; an operation
 *   with its own server, like VB for Azure's `/api/oauth2/token`, counts with its whole path), among
 *   `input.product`'s versions when given.
 * - `validateResponse(input)`: convenience over one shared, lazily created validator (shipped specs).
 *   Its JVM does not keep Node alive; call `closeSharedValidator()` to end it.
 * - `ResponseInput = { product?, api?, method, url, status, contentType?, body: string | Uint8Array }`;
 *   `url` is absolute or a path that includes the server base path (`/api`, `/v3`, `/api/v2`) + query.
 * - `ValidationResult = { ok, outcome, api?, operationId?, schema?, errors: [{ kind, additive?, path, message, expected?, actual? }], drift? }`,
 *   `outcome`: valid | invalid | unknown-operation | unknown-status | unknown-media-type | malformed |
 *   skipped-no-jdk. `path` is a JSON pointer for JSON, `line:column` for XML and unparsable bodies;
 *   `kind` says what differs (ErrorKind). `allow: ['additive']`: new members and enum values become
 *   `drift` of a valid result (XML: only when the document validates without them).
 * - Spec problems (broken YAML, bad $ref, uncompilable schema) throw `SpecError` (a `RegistryError` of
 *   `@veeam-rest/spec-registry`: `file:line:col: message (#/pointer)`) from the first call that needs that API.
 *   Without a JDK the XML bodies are `skipped-no-jdk` (never ok; one `no-jdk` error naming JAVA_HOME);
 *   JSON bodies are validated as usual.
 */
import { Validator } from './validate.js';
import type { ContractValidator, ResponseInput, ValidationResult, ValidatorOptions } from './types.js';

export type { AllowedDrift, ApiAlias, ContractValidator, ErrorKind, OperationInfo, Outcome, Product, ResponseInput, ValidationError, ValidationResult, ValidatorOptions } from './types.js';
export { SpecError } from './spec/errors.js';
export { JavaUnavailableError } from './xml/java-home.js';
export { matchOperation, matchSegments, splitUrl, type OperationMatch } from './match.js';
// Lower-level building blocks, used by tools/spec-checks.
export { Validator, type BodyTarget, type ExpectedRoot, isJson, isXml, schemaNames } from './validate.js';
export { SchemaCompiler, type CompiledSchema } from './json/ajv.js';
export { xsdTargetNamespace, type LoadedSpec, type OpenApiDoc, type Schema } from './spec/load.js';
export { openSpecSource, type ApiInfo, type SpecSource, type SpecSourceOptions } from './spec/source.js';
export { ApiRouter } from './spec/route.js';
export { indexSpec, resolveLocal, getByPointer, escapePointer, schemaRefName, baseMediaType, type SpecIndex, type IndexedOperation, type MediaTypeEntry, type Segment, type Representations } from './spec/index.js';
export { XsdBatchValidator, type XsdJob, type XsdVerdict, type XsdIssue } from './xml/batch.js';
export { checkXml, type RootElement } from './xml/safety.js';

/**
 * Creates a validator over every API of the shipped specs, or of the checkout at `rootDir` (each loaded
 * when first needed).
 * @example
 * const v = await createValidator();
 * const r = await v.validate({ product: 'm365', method: 'GET', url: '/v3/JobSessions', status: 200, contentType: 'application/json', body });
 * await v.close();
 */
export async function createValidator(options?: ValidatorOptions): Promise<ContractValidator & Validator> {
  return Validator.create(options);
}

let shared: Promise<Validator> | undefined;

/** Validates one response with a shared validator created on first use (the shipped specs). */
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
