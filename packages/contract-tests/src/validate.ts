// The validator: locate (operation -> status -> media type -> representation), then validate the body
// (JSON with Ajv, XML with the safety pass + root check + XSD in the batch JVM).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { decodeBody } from './body.js';
import { SchemaCompiler } from './json/ajv.js';
import { mapAjvErrors } from './json/errors.js';
import { parseJson } from './json/parse.js';
import { matchOperation, type OperationMatch } from './match.js';
import { SpecError } from './spec/errors.js';
import { indexSpec, baseMediaType, resolveLocal, schemaRefName, type IndexedOperation, type MediaTypeEntry, type SpecIndex } from './spec/index.js';
import { loadSpecs, xsdTargetNamespace, type Schema } from './spec/load.js';
import { XsdBatchValidator } from './xml/batch.js';
import { checkXml } from './xml/safety.js';
import { mapXsdIssue } from './xml/xsd-errors.js';
import type { ContractValidator, OperationInfo, Product, ResponseInput, ValidationError, ValidationResult, ValidatorOptions } from './types.js';

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
/** More errors than this for one body are summarized: a hostile body must not flood the report. */
const MAX_ERRORS = 100;

/** Where a body is validated: one response media type of one operation (and a representation). */
export interface BodyTarget {
  product: Product;
  operation: IndexedOperation;
  /** Status key as in the spec (`200`, `4XX`, `default`). */
  status: string;
  entry: MediaTypeEntry;
  /** Component schema selected by x-veeam-representations (or by an example's variant). */
  representation?: string;
}

/** XML root element a schema expects. */
export interface ExpectedRoot { name: string; namespace: string; schema: string }

type Pending =
  | { done: ValidationResult }
  | { xml: { xsd: string; text: string }; base: Omit<ValidationResult, 'ok' | 'outcome' | 'errors'> };

/** Implementation of {@link ContractValidator}; the extra methods serve the spec checks. */
export class Validator implements ContractValidator {
  private readonly compilers = new Map<Product, SchemaCompiler>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly xsdByNamespace = new Map<Product, Map<string, string>>();
  /** The batch JVM (exposed so tests and benchmarks can count JVM starts). */
  readonly xsd: XsdBatchValidator;

  private constructor(readonly indexes: Map<Product, SpecIndex>, private readonly maxBodyBytes: number, javaHome?: string) {
    this.xsd = new XsdBatchValidator(javaHome);
  }

  /** Loads and indexes every API of the registry under `rootDir`. */
  static async create(options: ValidatorOptions = {}): Promise<Validator> {
    const rootDir = options.rootDir ?? findRepoRoot();
    const specs = await loadSpecs(rootDir);
    const indexes = new Map<Product, SpecIndex>(specs.map((s) => [s.product, indexSpec(s)]));
    return new Validator(indexes, options.maxBodyBytes ?? DEFAULT_MAX_BODY, options.javaHome);
  }

  operations(product: Product): OperationInfo[] {
    return (this.indexes.get(product)?.operations ?? []).map(({ operationId, method, path: p, responses }) => ({ operationId, method, path: p, responses }));
  }

  /** Finds the operation for a request (see {@link matchOperation}). */
  match(product: Product, method: string, url: string): OperationMatch | undefined {
    const index = this.indexes.get(product);
    return index ? matchOperation(index, method, url) : undefined;
  }

  async validate(input: ResponseInput): Promise<ValidationResult> {
    return (await this.validateMany([input]))[0]!;
  }

  async validateMany(inputs: ResponseInput[]): Promise<ValidationResult[]> {
    return this.finish(inputs.map((i) => this.prepare(i)));
  }

  /** Validates a body against a known target (spec checks: examples, mutants). */
  async validateTargets(items: { target: BodyTarget; body: string | Uint8Array }[]): Promise<ValidationResult[]> {
    return this.finish(items.map(({ target, body }) => this.prepareBody(target, body)));
  }

  async close(): Promise<void> {
    await this.xsd.close();
  }

  /** XML root element(s) the target accepts: the representation's, the `$ref`'s, or every `oneOf` member's. */
  expectedRoots(target: BodyTarget): ExpectedRoot[] {
    const index = this.indexes.get(target.product)!;
    const names = target.representation
      ? [target.representation]
      : schemaNames(target.entry.schema);
    return names.map((n) => {
      const s = index.doc.components?.schemas?.[n] as Schema | undefined;
      return { name: s?.xml?.name ?? n, namespace: s?.xml?.namespace ?? '', schema: n };
    });
  }

  /** The XSD file whose targetNamespace is `namespace`, if the product ships one. */
  xsdFor(product: Product, namespace: string): string | undefined {
    let map = this.xsdByNamespace.get(product);
    if (!map) {
      map = new Map();
      for (const f of this.indexes.get(product)?.spec.xsdFiles ?? []) map.set(xsdTargetNamespace(f) ?? '', f);
      this.xsdByNamespace.set(product, map);
    }
    return map.get(namespace);
  }

  private prepare(input: ResponseInput): Pending {
    const index = this.indexes.get(input.product);
    if (!index) {
      return done('unknown-operation', {}, [{ path: '/', message: `product "${input.product}" is not in the API registry`, expected: [...this.indexes.keys()].join(' | '), actual: String(input.product) }]);
    }
    const m = matchOperation(index, input.method, input.url);
    if (!m) {
      return done('unknown-operation', {}, [{ path: '/', message: `no ${input.product} operation matches ${input.method.toUpperCase()} ${input.url}`, expected: 'a documented method + path', actual: `${input.method.toUpperCase()} ${input.url}` }]);
    }
    const op = m.operation;
    const status = pickStatus(op, input.status);
    if (status === undefined) {
      return done('unknown-status', { operationId: op.operationId }, [{ path: '/', message: `${op.operationId} documents no response for status ${input.status}`, expected: Object.keys(op.content).join(' | '), actual: String(input.status) }]);
    }
    const entries = op.content[status]!;
    const decoded = decodeBody(input.body, this.maxBodyBytes);
    if (entries.length === 0) {
      if (decoded.text !== undefined && decoded.text.trim() === '') return done('valid', { operationId: op.operationId }, []);
      return done('unknown-media-type', { operationId: op.operationId }, [{ path: '/', message: `${op.operationId} ${status} documents no body, but one was sent`, expected: 'empty body', actual: input.contentType ?? 'a body' }]);
    }
    const entry = pickMedia(entries, input.contentType, decoded.text);
    if (!entry) {
      return done('unknown-media-type', { operationId: op.operationId }, [{ path: '/', message: `${op.operationId} ${status} does not document media type ${input.contentType ?? '(none)'}`, expected: entries.map((e) => e.mediaType).join(' | '), actual: input.contentType ?? '(no Content-Type)' }]);
    }
    return this.prepareBody({ product: input.product, operation: op, status, entry, representation: m.representation }, input.body);
  }

  private prepareBody(requested: BodyTarget, body: string | Uint8Array): Pending {
    const target = effectiveTarget(requested);
    const { operation: op, entry } = target;
    const schemaName = target.representation ?? schemaRefName(entry.schema);
    const base = { operationId: op.operationId, ...(schemaName ? { schema: schemaName } : {}) };
    const decoded = decodeBody(body, this.maxBodyBytes);
    if (decoded.error) return done('malformed', base, [decoded.error]);
    const text = decoded.text;
    if (isJson(entry.mediaType)) {
      const parsed = parseJson(text);
      if (parsed.error) return done('malformed', base, [parsed.error]);
      const validate = this.compiledFor(target);
      if (!validate) return done('valid', base, []);
      const ok = validate(parsed.value) as boolean;
      return done(ok ? 'valid' : 'invalid', base, ok ? [] : mapAjvErrors(validate.errors ?? [], parsed.value));
    }
    if (isXml(entry.mediaType)) {
      const safe = checkXml(text);
      if (safe.errors) return done('malformed', base, safe.errors);
      const roots = this.expectedRoots(target);
      const root = safe.root;
      const hit = roots.find((r) => r.name === root.name && r.namespace === root.namespace);
      if (roots.length > 0 && !hit) {
        return done('invalid', base, [{ path: root.at, message: 'root element does not match the response schema', expected: roots.map(fmtRoot).join(' | '), actual: fmtRoot(root) }]);
      }
      const xsd = this.xsdFor(target.product, root.namespace);
      if (!xsd) {
        return done('invalid', base, [{ path: root.at, message: `no XSD for namespace "${root.namespace}" in the ${target.product} spec`, expected: 'an XSD beside the spec (xsd/*.xsd)', actual: fmtRoot(root) }]);
      }
      return { xml: { xsd, text }, base: hit && !schemaName ? { ...base, schema: hit.schema } : base };
    }
    // Neither JSON nor XML (e.g. text/plain): only the media type is part of the contract.
    return done('valid', base, []);
  }

  private compiledFor(target: BodyTarget): ValidateFunction | undefined {
    const key = `${target.product}|${target.operation.operationId}|${target.status}|${target.entry.mediaType}|${target.representation ?? ''}`;
    let fn = this.compiled.get(key);
    if (fn) return fn;
    const compiler = this.compiler(target.product);
    if (target.representation) {
      if (!this.indexes.get(target.product)!.doc.components?.schemas?.[target.representation]) {
        throw new SpecError(`x-veeam-representations names schema "${target.representation}", which is not in components/schemas`, this.indexes.get(target.product)!.spec.rootFile, `#${target.operation.pointer}`);
      }
      fn = compiler.compileComponent(target.representation);
    } else if (target.entry.schema) {
      fn = compiler.compile(target.entry.schema, `${target.operation.pointer}/responses/${target.status}/content/${target.entry.mediaType}/schema`);
    } else {
      return undefined;
    }
    this.compiled.set(key, fn);
    return fn;
  }

  private compiler(product: Product): SchemaCompiler {
    let c = this.compilers.get(product);
    if (!c) {
      const index = this.indexes.get(product)!;
      c = new SchemaCompiler(product, index.doc.components?.schemas ?? {}, index.spec.rootFile);
      this.compilers.set(product, c);
    }
    return c;
  }

  private async finish(pending: Pending[]): Promise<ValidationResult[]> {
    const xmlIdx = pending.flatMap((p, i) => ('xml' in p ? [i] : []));
    const verdicts = await this.xsd.validate(xmlIdx.map((i) => (pending[i] as Extract<Pending, { xml: unknown }>).xml).map((x) => ({ xsd: x.xsd, xml: x.text })));
    const results: ValidationResult[] = pending.map((p) => ('done' in p ? p.done : (undefined as unknown as ValidationResult)));
    xmlIdx.forEach((i, k) => {
      const v = verdicts[k]!;
      const base = (pending[i] as Extract<Pending, { xml: unknown }>).base;
      if (v.schemaError) throw new SpecError(`XSD cannot be loaded: ${v.schemaError}`);
      const errors = capErrors(v.errors.map(mapXsdIssue));
      results[i] = { ok: v.ok, outcome: v.ok ? 'valid' : 'invalid', ...base, errors };
    });
    return results;
  }
}

/**
 * x-veeam-representations selects among the members of a response's `oneOf`; responses that are not
 * such a union (401/404 errors) ignore it.
 */
function effectiveTarget(t: BodyTarget): BodyTarget {
  if (!t.representation || schemaNames(t.entry.schema).length < 2) {
    if (!t.representation) return t;
    const { representation: _dropped, ...rest } = t;
    return rest;
  }
  return t;
}

function done(outcome: ValidationResult['outcome'], base: Partial<ValidationResult>, errors: ValidationError[]): Pending {
  return { done: { ok: outcome === 'valid', outcome, ...base, errors: capErrors(errors) } };
}

function capErrors(errors: ValidationError[]): ValidationError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), { path: '/', message: `${errors.length - MAX_ERRORS} more errors not shown` }];
}

function fmtRoot(r: { name: string; namespace: string }): string {
  return r.namespace ? `{${r.namespace}}${r.name}` : r.name;
}

/** Component names a media schema stands for: a `$ref`, or the `$ref` members of a `oneOf`/`anyOf`. */
export function schemaNames(schema: Schema | undefined): string[] {
  const direct = schemaRefName(schema);
  if (direct) return [direct];
  const members = (schema?.oneOf ?? schema?.anyOf ?? []) as Schema[];
  return members.map(schemaRefName).filter((n): n is string => n !== undefined);
}

/** Exact status first, then its range (`4XX`), then `default`. */
export function pickStatus(op: IndexedOperation, status: number): string | undefined {
  const keys = Object.keys(op.content);
  const exact = String(status);
  if (keys.includes(exact)) return exact;
  const range = keys.find((k) => k.toUpperCase() === `${exact[0]}XX`);
  if (range) return range;
  return keys.includes('default') ? 'default' : undefined;
}

/** JSON media type: `application/json` or any `+json` (problem+json). */
export function isJson(mt: string): boolean {
  return mt === 'application/json' || mt.endsWith('+json');
}

/** XML media type: `application/xml`, `text/xml` or any `+xml`. */
export function isXml(mt: string): boolean {
  return mt === 'application/xml' || mt === 'text/xml' || mt.endsWith('+xml');
}

/**
 * Picks the response media type for a Content-Type: exact match (parameters ignored), then the same
 * syntax (`application/problem+json` where only `application/json` is declared and vice versa), then
 * wildcards. Without a Content-Type: the only one, or sniffed from the body's first character.
 */
export function pickMedia(entries: MediaTypeEntry[], contentType: string | undefined, text: string | undefined): MediaTypeEntry | undefined {
  if (!contentType) {
    if (entries.length === 1) return entries[0];
    const xmlish = (text ?? '').trimStart().startsWith('<');
    return entries.find((e) => (xmlish ? isXml(e.mediaType) : isJson(e.mediaType)));
  }
  const mt = baseMediaType(contentType);
  const exact = entries.find((e) => e.mediaType === mt);
  if (exact) return exact;
  const bySyntax = entries.find((e) => (isJson(mt) && isJson(e.mediaType)) || (isXml(mt) && isXml(e.mediaType)));
  if (bySyntax) return bySyntax;
  const [type] = mt.split('/');
  return entries.find((e) => e.mediaType === '*/*' || e.mediaType === `${type}/*`);
}

/** The veeam-rest checkout this package lives in: the nearest ancestor with redocly.yaml. */
function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'redocly.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new SpecError('cannot find redocly.yaml above the package; pass { rootDir }');
    dir = up;
  }
}

export { resolveLocal };
