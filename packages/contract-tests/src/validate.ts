// The validator: locate (operation -> status -> media type -> representation), then validate the body
// (JSON with Ajv, XML with the safety pass + root check + XSD in the batch JVM).
import { serversOfDocument } from '@veeam-rest/spec-registry/lite';
import { bodyTooLarge, decodeBody, type DecodedBody } from './body.js';
import { SchemaCompiler, type CompiledSchema } from './json/ajv.js';
import { mapAjvErrors } from './json/errors.js';
import { parseJson } from './json/parse.js';
import { matchOperation, type OperationMatch } from './match.js';
import { SpecError } from './spec/errors.js';
import { indexSpec, baseMediaType, resolveLocal, schemaRefName, type IndexedOperation, type MediaTypeEntry, type SpecIndex } from './spec/index.js';
import { xsdTargetNamespace, type Schema } from './spec/load.js';
import { ApiRouter } from './spec/route.js';
import { openSpecSource, type ApiInfo, type SpecSource } from './spec/source.js';
import { XsdBatchValidator, type XsdVerdict } from './xml/batch.js';
import { JavaUnavailableError } from './xml/java-home.js';
import { checkXml } from './xml/safety.js';
import { stripAdditive } from './xml/strip.js';
import { declaredElements, mapXsdIssues } from './xml/xsd-errors.js';
import type { AllowedDrift, ApiAlias, ContractValidator, OperationInfo, Product, ResponseInput, ValidationError, ValidationResult, ValidatorOptions } from './types.js';

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
/** More errors than this for one body are summarized: a hostile body must not flood the report. */
const MAX_ERRORS = 100;
/**
 * Re-validations of one XML document with its additive differences removed: each round can reveal
 * another unknown element that the previous one hid (Xerces reports one per parent).
 */
const MAX_STRIP_ROUNDS = 8;
/** What `allow` accepts. */
const ALLOWED_DRIFT: readonly AllowedDrift[] = ['additive'];

/** Where a body is validated: one response media type of one operation (and a representation). */
export interface BodyTarget {
  /** The API (registry alias) the operation belongs to. */
  api: ApiAlias;
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

/** The API a request goes to, or why there is none. */
type Routed = { api: ApiAlias } | { missing: ValidationError };

/** Implementation of {@link ContractValidator}; the extra methods serve the spec checks. */
export class Validator implements ContractValidator {
  private readonly compilers = new Map<ApiAlias, SchemaCompiler>();
  /** Compiled schema per response media type (and representation): no key strings on the hot path. */
  private readonly compiled = new WeakMap<MediaTypeEntry, Map<string, CompiledSchema | null>>();
  private readonly xsdByNamespace = new Map<ApiAlias, Map<string, string>>();
  /** APIs loaded so far (each on first use, so one broken spec spoils only itself). */
  private readonly loaded = new Map<ApiAlias, SpecIndex>();
  private readonly loading = new Map<ApiAlias, Promise<SpecIndex>>();
  private all?: Map<ApiAlias, SpecIndex>;
  private readonly router: ApiRouter;
  /** Product -> its APIs, oldest first. */
  private readonly byProduct = new Map<Product, ApiAlias[]>();
  private readonly aliases: ApiAlias[];
  /** APIs whose servers were unknown before loading (their source did not read): routed once loaded. */
  private readonly unrouted = new Set<ApiAlias>();
  /** One routing result per API, made once: routing allocates nothing on the hot path. */
  private readonly routes = new Map<ApiAlias, Routed>();
  /** The batch JVM (exposed so tests and benchmarks can count JVM starts). */
  readonly xsd: XsdBatchValidator;

  /** `allow: ['additive']`: new members and enum values are drift, not failures. */
  private readonly allowAdditive: boolean;

  private constructor(readonly source: SpecSource, private readonly maxBodyBytes: number, javaHome?: string, allow: readonly AllowedDrift[] = []) {
    for (const a of allow) {
      if (!ALLOWED_DRIFT.includes(a)) throw new TypeError(`allow: unknown value ${JSON.stringify(a)} (allowed: ${ALLOWED_DRIFT.join(', ')})`);
    }
    this.allowAdditive = allow.includes('additive');
    this.xsd = new XsdBatchValidator(javaHome);
    this.aliases = source.apis.map((a) => a.alias);
    for (const a of this.aliases) this.routes.set(a, { api: a });
    for (const a of source.apis) this.byProduct.set(a.product, [...(this.byProduct.get(a.product) ?? []), a.alias]);
    for (const a of this.aliases) if (!source.servers(a)) this.unrouted.add(a);
    this.router = new ApiRouter(source.apis, (a) => source.servers(a));
  }

  /**
   * Opens the specs (shipped with this package, or a checkout's with `rootDir`); each API is loaded when
   * first needed.
   */
  static async create(options: ValidatorOptions = {}): Promise<Validator> {
    return new Validator(await openSpecSource(options), options.maxBodyBytes ?? DEFAULT_MAX_BODY, options.javaHome, options.allow);
  }

  /** Every API (loaded or not): products in registry order, each product's versions oldest first. */
  get apis(): readonly ApiInfo[] {
    return this.source.apis;
  }

  /** Products of the specs, in registry order. */
  get products(): Product[] {
    return [...this.byProduct.keys()];
  }

  /**
   * The API a name stands for: an alias itself, or the only API version of a product.
   * @returns undefined when the name is neither
   * @throws Error for a product with several API versions (name one by alias)
   */
  resolve(name: string): ApiAlias | undefined {
    if (this.aliases.includes(name)) return name;
    const versions = this.byProduct.get(name);
    if (!versions) return undefined;
    if (versions.length > 1) throw new Error(`${name} has ${versions.length} API versions (${versions.join(', ')}): name one by alias`);
    return versions[0];
  }

  /** The APIs of a product, oldest first ([] when unknown). */
  versionsOf(product: Product): readonly ApiAlias[] {
    return this.byProduct.get(product) ?? [];
  }

  /**
   * Loads and indexes one API (once; concurrent callers share the work, a failure is retried by the
   * next call).
   * @param name an alias, or a product with one API version
   * @returns undefined when the name is not in the specs
   * @throws SpecError naming the broken file and position
   */
  async load(name: string): Promise<SpecIndex | undefined> {
    const alias = this.resolve(name);
    if (alias === undefined) return undefined;
    const ready = this.loaded.get(alias);
    if (ready) return ready;
    let p = this.loading.get(alias);
    if (!p) {
      p = this.source.load(alias).then(
        (spec) => {
          const index = indexSpec(spec);
          this.loaded.set(alias, index);
          if (this.unrouted.delete(alias)) this.router.add(alias, serversOfDocument(spec.doc));
          return index;
        },
        (e: unknown) => {
          this.loading.delete(alias); // a later call loads again (e.g. after the spec was fixed)
          throw e;
        },
      );
      this.loading.set(alias, p);
    }
    return p;
  }

  /** Loads every API (throws the first broken spec's SpecError); afterwards {@link indexes} is usable. */
  async loadAll(): Promise<Map<ApiAlias, SpecIndex>> {
    if (this.all) return this.all;
    const all = new Map<ApiAlias, SpecIndex>();
    for (const a of this.aliases) all.set(a, (await this.load(a))!);
    return (this.all = all);
  }

  /**
   * Every API's index by alias, in registry order. Needs `await loadAll()` first: specs load lazily,
   * and a partial map must not pass for the whole registry.
   */
  get indexes(): Map<ApiAlias, SpecIndex> {
    if (!this.all) throw new Error('Validator.indexes needs `await validator.loadAll()` first (specs are loaded lazily per API)');
    return this.all;
  }

  operations(name: ApiAlias | Product): OperationInfo[] {
    const alias = this.resolve(name);
    return ((alias && this.loadedIndex(alias)?.operations) || []).map(({ operationId, method, path: p, responses }) => ({ operationId, method, path: p, responses }));
  }

  /** Finds the operation for a request (see {@link matchOperation}) in one API (alias or single-version product); it must be loaded. */
  match(name: ApiAlias | Product, method: string, url: string): OperationMatch | undefined {
    const alias = this.resolve(name);
    const index = alias === undefined ? undefined : this.loadedIndex(alias);
    return index ? matchOperation(index, method, url) : undefined;
  }

  /**
   * The API a request goes to: `api` when given; else, among `product`'s versions (or every API), the
   * one whose server base path is the longest prefix of the URL's path (a product with one version
   * needs no URL). Synchronous: decided from the servers known before any API is loaded.
   */
  route(input: Pick<ResponseInput, 'api' | 'product' | 'method' | 'url'>): Routed {
    if (input.api !== undefined) {
      const known = this.routes.get(input.api);
      if (known) return known;
      return { missing: { kind: 'unknown-operation', path: '/', message: `API "${input.api}" is not in the specs (${this.source.origin})`, expected: this.aliases.join(' | '), actual: String(input.api) } };
    }
    const candidates = input.product === undefined ? this.aliases : this.byProduct.get(input.product);
    if (!candidates) {
      return { missing: { kind: 'unknown-operation', path: '/', message: `product "${input.product}" is not in the specs (${this.source.origin})`, expected: this.products.join(' | '), actual: String(input.product) } };
    }
    if (candidates.length === 1) return this.routes.get(candidates[0]!)!;
    const api = this.router.pick(input.method, input.url, candidates);
    if (api !== undefined) return this.routes.get(api)!;
    const scope = input.product === undefined ? 'API' : `${input.product} API`;
    return { missing: { kind: 'unknown-operation', path: '/', message: `no ${scope} serves ${input.method.toUpperCase()} ${input.url}`, expected: `a URL under one of: ${this.router.describe(candidates)}`, actual: input.url } };
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
   * like any other (API, operation, status, media type), then `malformed` with the size.
   * @param size the body's size in bytes; undefined when reading stopped at the limit
   */
  async validateOversized(input: Omit<ResponseInput, 'body'>, size: number | undefined): Promise<ValidationResult> {
    const full = { ...input, body: '' };
    let routed = this.route(full);
    const missing = this.unloaded([full], [routed]);
    if (missing) {
      for (const a of missing) await this.load(a);
      routed = this.route(full);
    }
    const pending = this.prepare(full, routed, { error: bodyTooLarge(size, this.maxBodyBytes) });
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

  /** Synchronous when every API needed is loaded and no body is XML (the hot path: no extra promises). */
  private run(inputs: readonly ResponseInput[]): ValidationResult[] | Promise<ValidationResult[]> {
    const routed = inputs.map((i) => this.route(i));
    const missing = this.unloaded(inputs, routed);
    if (missing) return Promise.all([...missing].map((a) => this.load(a))).then(() => this.run(inputs));
    return this.finish(inputs.map((i, k) => this.prepare(i, routed[k]!)));
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
    const index = this.loadedIndex(target.api)!;
    const names = target.representation
      ? [target.representation]
      : schemaNames(target.entry.schema);
    return names.map((n) => {
      const s = index.doc.components?.schemas?.[n] as Schema | undefined;
      return { name: s?.xml?.name ?? n, namespace: s?.xml?.namespace ?? '', schema: n };
    });
  }

  /** The XSD file whose targetNamespace is `namespace`, if the API ships one. */
  xsdFor(api: ApiAlias, namespace: string): string | undefined {
    let map = this.xsdByNamespace.get(api);
    if (!map) {
      map = new Map();
      for (const f of this.loadedIndex(api)?.spec.xsdFiles ?? []) map.set(xsdTargetNamespace(f) ?? '', f);
      this.xsdByNamespace.set(api, map);
    }
    return map.get(namespace);
  }

  /**
   * APIs the inputs need that are not loaded yet (undefined: none, the usual case). A request no known
   * server takes may belong to an API whose servers are not known until it is loaded: those are loaded
   * (and so report their broken spec).
   */
  private unloaded(inputs: readonly ResponseInput[], routed: readonly Routed[]): Set<ApiAlias> | undefined {
    let missing: Set<ApiAlias> | undefined;
    for (let i = 0; i < routed.length; i++) {
      const r = routed[i]!;
      if ('api' in r) {
        if (!this.loaded.has(r.api)) (missing ??= new Set()).add(r.api);
      } else if (this.unrouted.size > 0) {
        const input = inputs[i]!;
        const candidates = input.product === undefined ? this.aliases : (this.byProduct.get(input.product) ?? []);
        for (const a of candidates) if (this.unrouted.has(a)) (missing ??= new Set()).add(a);
      }
    }
    return missing;
  }

  /** The index of a loaded API; undefined if not in the specs; throws if in them but not loaded. */
  private loadedIndex(api: ApiAlias): SpecIndex | undefined {
    const index = this.loaded.get(api);
    if (index) return index;
    if (!this.aliases.includes(api)) return undefined;
    throw new Error(`the ${api} spec is not loaded yet: \`await validator.load('${api}')\` first (specs are loaded lazily)`);
  }

  private prepare(input: ResponseInput, routed: Routed, decodedBody?: DecodedBody): Pending {
    if ('missing' in routed) return done('unknown-operation', {}, [routed.missing]);
    const api = routed.api;
    const index = this.loaded.get(api)!;
    const m = matchOperation(index, input.method, input.url);
    if (!m) {
      return done('unknown-operation', { api }, [{ kind: 'unknown-operation', path: '/', message: `no ${api} operation matches ${input.method.toUpperCase()} ${input.url}`, expected: 'a documented method + path', actual: `${input.method.toUpperCase()} ${input.url}` }]);
    }
    const op = m.operation;
    const status = pickStatus(op, input.status);
    if (status === undefined) {
      return done('unknown-status', { api, operationId: op.operationId }, [{ kind: 'unknown-status', path: '/', message: `${op.operationId} documents no response for status ${input.status}`, expected: Object.keys(op.content).join(' | '), actual: String(input.status) }]);
    }
    const entries = op.content[status]!;
    const decoded = decodedBody ?? decodeBody(input.body, this.maxBodyBytes);
    if (entries.length === 0) {
      if (decoded.text !== undefined && decoded.text.trim() === '') return done('valid', { api, operationId: op.operationId }, []);
      return done('unknown-media-type', { api, operationId: op.operationId }, [{ kind: 'unknown-media-type', path: '/', message: `${op.operationId} ${status} documents no body, but one was sent`, expected: 'empty body', actual: input.contentType ?? 'a body' }]);
    }
    const entry = pickMedia(entries, input.contentType, decoded.text);
    if (!entry) {
      return done('unknown-media-type', { api, operationId: op.operationId }, [{ kind: 'unknown-media-type', path: '/', message: `${op.operationId} ${status} does not document media type ${input.contentType ?? '(none)'}`, expected: entries.map((e) => e.mediaType).join(' | '), actual: input.contentType ?? '(no Content-Type)' }]);
    }
    // The body is decoded once: prepareBody reuses it.
    return this.prepareBody({ api, operation: op, status, entry, representation: m.representation }, input.body, decoded);
  }

  private prepareBody(requested: BodyTarget, body: string | Uint8Array, decodedBody?: DecodedBody): Pending {
    const target = effectiveTarget(requested);
    const { api, operation: op, entry } = target;
    const schemaName = target.representation ?? schemaRefName(entry.schema);
    const base = schemaName ? { api, operationId: op.operationId, schema: schemaName } : { api, operationId: op.operationId };
    const decoded = decodedBody ?? decodeBody(body, this.maxBodyBytes);
    if (decoded.error) return done('malformed', base, [decoded.error]);
    const text = decoded.text;
    if (isJson(entry.mediaType)) {
      const parsed = parseJson(text);
      if (parsed.error) return done('malformed', base, [parsed.error]);
      const schema = this.compiledFor(target);
      if (!schema || schema.valid(parsed.value)) {
        // The common outcome, built without spreads (same keys, same order as done()).
        return { done: schemaName ? { ok: true, outcome: 'valid', api, operationId: op.operationId, schema: schemaName, errors: [] } : { ok: true, outcome: 'valid', api, operationId: op.operationId, errors: [] } };
      }
      // Only a failing body pays for the allErrors pass (bounded: linear in the body, at most
      // MAX_RAW_ERRORS objects; the others are counted).
      const found = schema.errors(parsed.value);
      const errors = mapAjvErrors(found.errors, parsed.value);
      const uncounted = found.total - found.errors.length;
      // With allErrors every difference is reported, so a body whose errors are all additive is valid
      // without them. Errors beyond the bound are unknown: then nothing is judged additive.
      if (this.allowAdditive && uncounted === 0) return withDrift(base, errors);
      return done('invalid', base, errors, uncounted);
    }
    if (isXml(entry.mediaType)) {
      const safe = checkXml(text);
      if (safe.errors) return done('malformed', base, safe.errors);
      const roots = this.expectedRoots(target);
      const root = safe.root;
      const hit = roots.find((r) => r.name === root.name && r.namespace === root.namespace);
      if (roots.length > 0 && !hit) {
        return done('invalid', base, [{ kind: roots.some((r) => r.namespace === root.namespace) ? 'xml-structure' : 'xml-namespace', path: root.at, message: 'root element does not match the response schema', expected: roots.map(fmtRoot).join(' | '), actual: fmtRoot(root) }]);
      }
      const xsd = this.xsdFor(api, root.namespace);
      if (!xsd) {
        return done('invalid', base, [{ kind: 'xml-namespace', path: root.at, message: `no XSD for namespace "${root.namespace}" in the ${api} spec`, expected: 'an XSD beside the spec (xsd/*.xsd)', actual: fmtRoot(root) }]);
      }
      return { xml: { xsd, text }, base: hit && !schemaName ? { ...base, schema: hit.schema } : base };
    }
    // Neither JSON nor XML (e.g. text/plain): only the media type is part of the contract.
    return done('valid', base, []);
  }

  /** The compiled schema of a target (null: the media type has no schema), compiled on first use. */
  private compiledFor(target: BodyTarget): CompiledSchema | null {
    // A media type entry belongs to one operation + status of one API: only the representation
    // is left to tell apart.
    let byRep = this.compiled.get(target.entry);
    if (!byRep) this.compiled.set(target.entry, (byRep = new Map()));
    const rep = target.representation ?? '';
    let fn = byRep.get(rep);
    if (fn !== undefined) return fn;
    const compiler = this.compiler(target.api);
    if (target.representation) {
      const index = this.loadedIndex(target.api)!;
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

  private compiler(api: ApiAlias): SchemaCompiler {
    let c = this.compilers.get(api);
    if (!c) {
      const index = this.loadedIndex(api)!;
      c = new SchemaCompiler(api, index.doc.components?.schemas ?? {}, index.spec.rootFile);
      this.compilers.set(api, c);
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
    const xml = xmlIdx.map((i) => pending[i] as Extract<Pending, { xml: unknown }>);
    const results: ValidationResult[] = pending.map((p) => ('done' in p ? p.done : (undefined as unknown as ValidationResult)));
    let verdicts: XsdVerdict[];
    try {
      verdicts = await this.xsd.validate(xml.map((x) => ({ xsd: x.xml.xsd, xml: x.xml.text })));
    } catch (e) {
      // No JDK: the JSON bodies keep their results; each XML body says why it was not validated.
      if (!(e instanceof JavaUnavailableError)) throw e;
      xmlIdx.forEach((i, k) => {
        results[i] = { ok: false, outcome: 'skipped-no-jdk', ...xml[k]!.base, errors: [{ kind: 'no-jdk', path: '/', message: `not validated: ${e.message}` }] };
      });
      return results;
    }
    const retry: { i: number; k: number; text: string; drift: ValidationError[]; errors: ValidationError[] }[] = [];
    xmlIdx.forEach((i, k) => {
      const v = verdicts[k]!;
      const { base, xml: job } = xml[k]!;
      if (v.schemaError) throw new SpecError(`XSD cannot be loaded: ${v.schemaError}`);
      const errors = mapXsdIssues(v.errors, declaredElements(job.xsd));
      if (v.ok || !this.allowAdditive || (v.more ?? 0) > 0) {
        results[i] = { ok: v.ok, outcome: v.ok ? 'valid' : 'invalid', ...base, errors: capErrors(errors, v.more ?? 0) };
        return;
      }
      if (errors.every((e) => e.additive)) retry.push({ i, k, text: job.text, drift: [], errors });
      else results[i] = splitDrift(base, errors);
    });
    await this.revalidateWithoutDrift(retry, xml, results);
    return results;
  }

  /**
   * `allow: ['additive']` for XML: an unknown element, attribute or enum value counts as drift only when
   * the document is valid without it. Each round validates the stripped documents in the running JVM.
   */
  private async revalidateWithoutDrift(
    retry: { i: number; k: number; text: string; drift: ValidationError[]; errors: ValidationError[] }[],
    xml: Extract<Pending, { xml: unknown }>[],
    results: ValidationResult[],
  ): Promise<void> {
    for (let round = 0; retry.length > 0; round++) {
      const next: typeof retry = [];
      const jobs: { r: (typeof retry)[number]; text: string }[] = [];
      for (const r of retry) {
        const base = xml[r.k]!.base;
        const stripped = round < MAX_STRIP_ROUNDS ? stripAdditive(r.text, r.errors) : undefined;
        // Not locatable (or too many rounds): the differences stay failures.
        if (stripped === undefined) results[r.i] = { ok: false, outcome: 'invalid', ...base, errors: capErrors([...r.drift, ...r.errors]) };
        else jobs.push({ r, text: stripped });
      }
      if (jobs.length === 0) return;
      const verdicts = await this.xsd.validate(jobs.map((j) => ({ xsd: xml[j.r.k]!.xml.xsd, xml: j.text })));
      jobs.forEach(({ r, text }, n) => {
        const v = verdicts[n]!;
        const base = xml[r.k]!.base;
        const drift = [...r.drift, ...r.errors];
        const errors = mapXsdIssues(v.errors, declaredElements(xml[r.k]!.xml.xsd));
        if (v.ok) results[r.i] = { ok: true, outcome: 'valid', ...base, errors: [], drift: capErrors(drift) };
        else if ((v.more ?? 0) === 0 && errors.every((e) => e.additive)) next.push({ ...r, text, drift, errors });
        else results[r.i] = { ok: false, outcome: 'invalid', ...base, errors: capErrors(errors.filter((e) => !e.additive), v.more ?? 0), drift: capErrors([...drift, ...errors.filter((e) => e.additive)]) };
      });
      retry = next;
    }
  }
}

/** `allow: ['additive']`: only additive errors -> valid with drift; else invalid, drift listed apart. */
function withDrift(base: Partial<ValidationResult>, errors: ValidationError[]): Pending {
  return { done: splitDrift(base, errors) };
}

function splitDrift(base: Partial<ValidationResult>, errors: ValidationError[]): ValidationResult {
  const drift = errors.filter((e) => e.additive);
  const breaking = errors.filter((e) => !e.additive);
  const listed = drift.length ? { drift: capErrors(drift) } : {};
  if (breaking.length === 0) return { ok: true, outcome: 'valid', ...base, errors: [], ...listed };
  return { ok: false, outcome: 'invalid', ...base, errors: capErrors(breaking), ...listed };
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
  return [...errors.slice(0, MAX_ERRORS), { kind: 'truncated', path: '/', message: `${more} more errors not shown` }];
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

export { resolveLocal };
