// The validator: locate (operation -> status -> media type -> representation), then validate the body
// (JSON with Ajv, XML with the safety pass + root check + XSD in the batch JVM).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyTooLarge, decodeBody, type DecodedBody } from './body.js';
import { SchemaCompiler, type CompiledSchema } from './json/ajv.js';
import { mapAjvErrors } from './json/errors.js';
import { parseJson } from './json/parse.js';
import { matchOperation, type OperationMatch } from './match.js';
import { SpecError } from './spec/errors.js';
import { indexSpec, baseMediaType, resolveLocal, schemaRefName, type IndexedOperation, type MediaTypeEntry, type SpecIndex } from './spec/index.js';
import { loadRegistry, xsdTargetNamespace, type Registry, type Schema } from './spec/load.js';
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
  /** Compiled schema per response media type (and representation): no key strings on the hot path. */
  private readonly compiled = new WeakMap<MediaTypeEntry, Map<string, CompiledSchema | null>>();
  private readonly xsdByNamespace = new Map<Product, Map<string, string>>();
  /** Specs bundled so far (a product is bundled on first use, so one broken spec spoils only itself). */
  private readonly loaded = new Map<Product, SpecIndex>();
  private readonly loading = new Map<Product, Promise<SpecIndex>>();
  private all?: Map<Product, SpecIndex>;
  /** The batch JVM (exposed so tests and benchmarks can count JVM starts). */
  readonly xsd: XsdBatchValidator;

  private constructor(private readonly registry: Registry, private readonly maxBodyBytes: number, javaHome?: string) {
    this.xsd = new XsdBatchValidator(javaHome);
  }

  /** Reads the registry under `rootDir`; each API is bundled when first needed. */
  static async create(options: ValidatorOptions = {}): Promise<Validator> {
    const rootDir = options.rootDir ?? findRepoRoot();
    return new Validator(await loadRegistry(rootDir), options.maxBodyBytes ?? DEFAULT_MAX_BODY, options.javaHome);
  }

  /** Products of the registry (bundled or not), in registry order. */
  get products(): Product[] {
    return this.registry.apis.map((a) => a.product);
  }

  /**
   * Bundles and indexes one product's spec (once; concurrent callers share the work, a failure is retried
   * by the next call).
   * @returns undefined when the product is not in the registry
   * @throws SpecError naming the broken file and position
   */
  async load(product: Product): Promise<SpecIndex | undefined> {
    const ready = this.loaded.get(product);
    if (ready) return ready;
    const api = this.registry.apis.find((a) => a.product === product);
    if (!api) return undefined;
    let p = this.loading.get(product);
    if (!p) {
      p = this.registry.bundle(api).then(
        (spec) => {
          const index = indexSpec(spec);
          this.loaded.set(product, index);
          return index;
        },
        (e: unknown) => {
          this.loading.delete(product); // a later call bundles again (e.g. after the spec was fixed)
          throw e;
        },
      );
      this.loading.set(product, p);
    }
    return p;
  }

  /** Bundles every product (throws the first broken spec's SpecError); afterwards {@link indexes} is usable. */
  async loadAll(): Promise<Map<Product, SpecIndex>> {
    if (this.all) return this.all;
    const all = new Map<Product, SpecIndex>();
    for (const p of this.products) all.set(p, (await this.load(p))!);
    return (this.all = all);
  }

  /**
   * Every product's index, in registry order. Needs `await loadAll()` first: specs load lazily, and a
   * partial map must not pass for the whole registry.
   */
  get indexes(): Map<Product, SpecIndex> {
    if (!this.all) throw new Error('Validator.indexes needs `await validator.loadAll()` first (specs are bundled lazily per product)');
    return this.all;
  }

  operations(product: Product): OperationInfo[] {
    return (this.loadedIndex(product)?.operations ?? []).map(({ operationId, method, path: p, responses }) => ({ operationId, method, path: p, responses }));
  }

  /** Finds the operation for a request (see {@link matchOperation}); the product must be loaded. */
  match(product: Product, method: string, url: string): OperationMatch | undefined {
    const index = this.loadedIndex(product);
    return index ? matchOperation(index, method, url) : undefined;
  }

  async validate(input: ResponseInput): Promise<ValidationResult> {
    const r = this.run([input]);
    return (r instanceof Promise ? await r : r)[0]!;
  }

  async validateMany(inputs: ResponseInput[]): Promise<ValidationResult[]> {
    return this.run(inputs);
  }

  /**
   * The result for a response whose body was not read because it is larger than the limit: matched
   * like any other (operation, status, media type), then `malformed` with the size.
   * @param size the body's size in bytes; undefined when reading stopped at the limit
   */
  async validateOversized(input: Omit<ResponseInput, 'body'>, size: number | undefined): Promise<ValidationResult> {
    if (this.unloaded([input as ResponseInput])) await this.load(input.product);
    const pending = this.prepare({ ...input, body: '' }, { error: bodyTooLarge(size, this.maxBodyBytes) });
    return (pending as { done: ValidationResult }).done;
  }

  /** Body limit in bytes (`maxBodyBytes`). */
  get maxBytes(): number {
    return this.maxBodyBytes;
  }

  /** Ends the JVM at once (SIGKILL), failing pending XML validations: for Ctrl+C and SIGTERM. */
  async abort(): Promise<void> {
    await this.xsd.kill();
  }

  /** Synchronous when every product is loaded and no body is XML (the hot path: no extra promises). */
  private run(inputs: readonly ResponseInput[]): ValidationResult[] | Promise<ValidationResult[]> {
    const missing = this.unloaded(inputs);
    if (missing) return Promise.all([...missing].map((p) => this.load(p))).then(() => this.finish(inputs.map((i) => this.prepare(i))));
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
    const index = this.loadedIndex(target.product)!;
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
      for (const f of this.loadedIndex(product)?.spec.xsdFiles ?? []) map.set(xsdTargetNamespace(f) ?? '', f);
      this.xsdByNamespace.set(product, map);
    }
    return map.get(namespace);
  }

  /** Registered products of `inputs` that are not bundled yet (undefined: none, the usual case). */
  private unloaded(inputs: readonly ResponseInput[]): Set<Product> | undefined {
    let missing: Set<Product> | undefined;
    for (const i of inputs) {
      if (!this.loaded.has(i.product) && this.registry.apis.some((a) => a.product === i.product)) (missing ??= new Set()).add(i.product);
    }
    return missing;
  }

  /** The index of a bundled product; undefined if not registered; throws if registered but not loaded. */
  private loadedIndex(product: Product): SpecIndex | undefined {
    const index = this.loaded.get(product);
    if (index) return index;
    if (!this.registry.apis.some((a) => a.product === product)) return undefined;
    throw new Error(`the ${product} spec is not loaded yet: \`await validator.load('${product}')\` first (specs are bundled lazily)`);
  }

  private prepare(input: ResponseInput, decodedBody?: DecodedBody): Pending {
    const index = this.loaded.get(input.product);
    if (!index) {
      return done('unknown-operation', {}, [{ path: '/', message: `product "${input.product}" is not in the API registry`, expected: this.products.join(' | '), actual: String(input.product) }]);
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
    const decoded = decodedBody ?? decodeBody(input.body, this.maxBodyBytes);
    if (entries.length === 0) {
      if (decoded.text !== undefined && decoded.text.trim() === '') return done('valid', { operationId: op.operationId }, []);
      return done('unknown-media-type', { operationId: op.operationId }, [{ path: '/', message: `${op.operationId} ${status} documents no body, but one was sent`, expected: 'empty body', actual: input.contentType ?? 'a body' }]);
    }
    const entry = pickMedia(entries, input.contentType, decoded.text);
    if (!entry) {
      return done('unknown-media-type', { operationId: op.operationId }, [{ path: '/', message: `${op.operationId} ${status} does not document media type ${input.contentType ?? '(none)'}`, expected: entries.map((e) => e.mediaType).join(' | '), actual: input.contentType ?? '(no Content-Type)' }]);
    }
    // The body is decoded once: prepareBody reuses it.
    return this.prepareBody({ product: input.product, operation: op, status, entry, representation: m.representation }, input.body, decoded);
  }

  private prepareBody(requested: BodyTarget, body: string | Uint8Array, decodedBody?: DecodedBody): Pending {
    const target = effectiveTarget(requested);
    const { operation: op, entry } = target;
    const schemaName = target.representation ?? schemaRefName(entry.schema);
    const base = schemaName ? { operationId: op.operationId, schema: schemaName } : { operationId: op.operationId };
    const decoded = decodedBody ?? decodeBody(body, this.maxBodyBytes);
    if (decoded.error) return done('malformed', base, [decoded.error]);
    const text = decoded.text;
    if (isJson(entry.mediaType)) {
      const parsed = parseJson(text);
      if (parsed.error) return done('malformed', base, [parsed.error]);
      const schema = this.compiledFor(target);
      if (!schema || schema.valid(parsed.value)) {
        // The common outcome, built without spreads (same keys, same order as done()).
        return { done: schemaName ? { ok: true, outcome: 'valid', operationId: op.operationId, schema: schemaName, errors: [] } : { ok: true, outcome: 'valid', operationId: op.operationId, errors: [] } };
      }
      // Only a failing body pays for the allErrors pass (bounded: linear in the body, at most
      // MAX_RAW_ERRORS objects; the others are counted).
      const found = schema.errors(parsed.value);
      return done('invalid', base, mapAjvErrors(found.errors, parsed.value), found.total - found.errors.length);
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

  /** The compiled schema of a target (null: the media type has no schema), compiled on first use. */
  private compiledFor(target: BodyTarget): CompiledSchema | null {
    // A media type entry belongs to one operation + status of one product: only the representation
    // is left to tell apart.
    let byRep = this.compiled.get(target.entry);
    if (!byRep) this.compiled.set(target.entry, (byRep = new Map()));
    const rep = target.representation ?? '';
    let fn = byRep.get(rep);
    if (fn !== undefined) return fn;
    const compiler = this.compiler(target.product);
    if (target.representation) {
      const index = this.loadedIndex(target.product)!;
      if (!index.doc.components?.schemas?.[target.representation]) {
        throw new SpecError(`x-veeam-representations names schema "${target.representation}", which is not in components/schemas`, index.spec.rootFile, `#${target.operation.pointer}`);
      }
      fn = compiler.compileComponent(target.representation);
    } else if (target.entry.schema) {
      fn = compiler.compile(target.entry.schema, `${target.operation.pointer}/responses/${target.status}/content/${target.entry.mediaType}/schema`);
    } else {
      fn = null;
    }
    byRep.set(rep, fn);
    return fn;
  }

  private compiler(product: Product): SchemaCompiler {
    let c = this.compilers.get(product);
    if (!c) {
      const index = this.loadedIndex(product)!;
      c = new SchemaCompiler(product, index.doc.components?.schemas ?? {}, index.spec.rootFile);
      this.compilers.set(product, c);
    }
    return c;
  }

  private finish(pending: Pending[]): ValidationResult[] | Promise<ValidationResult[]> {
    const xmlIdx: number[] = [];
    for (let i = 0; i < pending.length; i++) if ('xml' in pending[i]!) xmlIdx.push(i);
    if (xmlIdx.length === 0) return pending.map((p) => (p as { done: ValidationResult }).done);
    return this.finishXml(pending, xmlIdx);
  }

  private async finishXml(pending: Pending[], xmlIdx: number[]): Promise<ValidationResult[]> {
    const verdicts = await this.xsd.validate(xmlIdx.map((i) => (pending[i] as Extract<Pending, { xml: unknown }>).xml).map((x) => ({ xsd: x.xsd, xml: x.text })));
    const results: ValidationResult[] = pending.map((p) => ('done' in p ? p.done : (undefined as unknown as ValidationResult)));
    xmlIdx.forEach((i, k) => {
      const v = verdicts[k]!;
      const base = (pending[i] as Extract<Pending, { xml: unknown }>).base;
      if (v.schemaError) throw new SpecError(`XSD cannot be loaded: ${v.schemaError}`);
      const errors = capErrors(v.errors.map(mapXsdIssue), v.more ?? 0);
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

function done(outcome: ValidationResult['outcome'], base: Partial<ValidationResult>, errors: ValidationError[], uncounted = 0): Pending {
  return { done: { ok: outcome === 'valid', outcome, ...base, errors: capErrors(errors, uncounted) } };
}

/**
 * The first MAX_ERRORS errors and a summary line.
 * @param uncounted errors the validator counted but did not keep (beyond its own bound)
 */
function capErrors(errors: ValidationError[], uncounted = 0): ValidationError[] {
  if (errors.length <= MAX_ERRORS && uncounted === 0) return errors;
  const more = Math.max(0, errors.length - MAX_ERRORS) + uncounted;
  return [...errors.slice(0, MAX_ERRORS), { path: '/', message: `${more} more errors not shown` }];
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

/** pickStatus per operation and status code: the same few codes come back again and again. */
const statusCache = new WeakMap<IndexedOperation, Map<number, string | undefined>>();

/** Exact status first, then its range (`4XX`), then `default`. */
export function pickStatus(op: IndexedOperation, status: number): string | undefined {
  if (!Number.isInteger(status) || status < 100 || status > 599) return pickStatusUncached(op, status); // bounded cache
  let byCode = statusCache.get(op);
  if (!byCode) statusCache.set(op, (byCode = new Map()));
  if (byCode.has(status)) return byCode.get(status);
  const key = pickStatusUncached(op, status);
  byCode.set(status, key);
  return key;
}

function pickStatusUncached(op: IndexedOperation, status: number): string | undefined {
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
  const mt = baseMediaTypeCached(contentType);
  const exact = entries.find((e) => e.mediaType === mt);
  if (exact) return exact;
  const bySyntax = entries.find((e) => (isJson(mt) && isJson(e.mediaType)) || (isXml(mt) && isXml(e.mediaType)));
  if (bySyntax) return bySyntax;
  const [type] = mt.split('/');
  return entries.find((e) => e.mediaType === '*/*' || e.mediaType === `${type}/*`);
}

/** Content-Type header -> base media type; a response run repeats a handful of distinct headers. */
const mediaTypes = new Map<string, string>();

function baseMediaTypeCached(contentType: string): string {
  let mt = mediaTypes.get(contentType);
  if (mt === undefined) {
    mt = baseMediaType(contentType);
    if (mediaTypes.size >= 256) mediaTypes.clear(); // bounded: hostile inputs may vary the header
    mediaTypes.set(contentType, mt);
  }
  return mt;
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
