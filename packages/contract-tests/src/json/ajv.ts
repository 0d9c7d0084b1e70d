// Ajv2020 per product. The component schemas are registered once as a single schema (`$defs`), with
// `#/components/schemas/X` refs rewritten to it; each response schema is compiled once and cached by the
// caller. Two instances: a fast one (allErrors: false, stops at the first error) for the common valid
// case, and an allErrors one, created on the first failure, that lists the errors of an invalid body
// (bounded: see bounded-errors.ts).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SpecError } from '../spec/errors.js';
import type { Schema } from '../spec/load.js';
import { boundErrorCollection, splitBounded } from './bounded-errors.js';
import { FAST_FORMATS } from './formats.js';

// ajv-formats ships CJS with `exports.default`; NodeNext sees the module object.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** OpenAPI keywords that are annotations for Ajv (OpenAPI 3.1 vocabulary). */
const OPENAPI_KEYWORDS = ['example', 'xml', 'discriminator', 'externalDocs'];
/** Keywords whose value is data, not a schema: copied verbatim. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default', 'xml', 'externalDocs', 'discriminator', 'required']);
/** Keywords whose value maps names to schemas. */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Errors of a body that failed: the first ones in ajv's order, and how many there are in all. */
export interface CollectedErrors {
  /** At most MAX_RAW_ERRORS (1000) error objects, in the order unbounded ajv reports them. */
  errors: ErrorObject[];
  /** Number of errors found, including those not kept. */
  total: number;
}

/** A compiled response schema: a fast yes/no, and the errors of a body that failed it. */
export interface CompiledSchema {
  /** True when `data` is valid (stops at the first error). */
  valid(data: unknown): boolean;
  /**
   * The errors of `data` in time linear in its size (compiles the allErrors variant on first use);
   * only the first MAX_RAW_ERRORS are kept as objects, the rest are counted.
   */
  errors(data: unknown): CollectedErrors;
}

/** Compiles response schemas of one product against its registered components. */
export class SchemaCompiler {
  /** The fast instance (allErrors: false). */
  readonly ajv: Ajv2020;
  readonly componentsId: string;
  private full?: Ajv2020;
  private readonly defs: Record<string, Schema>;

  /**
   * @param options.boundErrors rewrite the allErrors validators to collect errors in linear time and
   *   keep at most MAX_RAW_ERRORS (bounded-errors.ts). @default true; false is ajv's own collection,
   *   quadratic in the number of errors (the benchmark's naive way)
   */
  constructor(readonly product: string, components: Record<string, Schema>, readonly sourceFile: string, private readonly options: { boundErrors?: boolean } = {}) {
    this.componentsId = `https://veeam-rest.invalid/${product}/components.json`;
    this.defs = {};
    for (const [name, s] of Object.entries(components)) this.defs[name] = this.rewrite(s);
    this.ajv = this.createAjv(false);
  }

  /** Compiles a schema from the bundled document (`pointer` only names it in errors). */
  compile(schema: Schema, pointer: string): CompiledSchema {
    const rewritten = this.rewrite(schema);
    const fast = this.compileWith(this.ajv, rewritten, pointer);
    let all: ValidateFunction | undefined;
    return {
      valid: (data) => fast(data) as boolean,
      errors: (data) => {
        all ??= this.compileWith((this.full ??= this.createAjv(true)), rewritten, pointer);
        return all(data) ? { errors: [], total: 0 } : splitBounded<ErrorObject>(all.errors as (ErrorObject | 0)[] | null);
      },
    };
  }

  /** Compiles the component schema `name`. */
  compileComponent(name: string): CompiledSchema {
    return this.compile({ $ref: `#/components/schemas/${name}` }, `/components/schemas/${name}`);
  }

  private createAjv(allErrors: boolean): Ajv2020 {
    const ajv = new Ajv2020({ strict: true, allErrors, allowUnionTypes: true, validateFormats: true, ...(allErrors && this.options.boundErrors !== false ? { code: { process: boundErrorCollection } } : {}) });
    addFormats(ajv);
    for (const [name, def] of Object.entries(FAST_FORMATS)) ajv.addFormat(name, def);
    ajv.addVocabulary(OPENAPI_KEYWORDS);
    try {
      ajv.addSchema({ $id: this.componentsId, $defs: this.defs });
    } catch (e) {
      throw new SpecError(`components/schemas are not valid JSON Schema 2020-12: ${(e as Error).message}`, this.sourceFile, '#/components/schemas');
    }
    return ajv;
  }

  private compileWith(ajv: Ajv2020, schema: Schema, pointer: string): ValidateFunction {
    try {
      return ajv.compile(schema);
    } catch (e) {
      throw new SpecError(`schema cannot be compiled: ${(e as Error).message}`, this.sourceFile, `#${pointer}`);
    }
  }

  /** Deep-copies a schema: component refs point at the registered `$defs`, `x-*` annotations are dropped. */
  private rewrite(node: unknown): any {
    if (Array.isArray(node)) return node.map((n) => this.rewrite(n));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('x-')) continue;
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        out[k] = `${this.componentsId}#/$defs/${v.slice('#/components/schemas/'.length)}`;
      } else if (DATA_KEYWORDS.has(k)) {
        out[k] = v;
      } else if (MAP_KEYWORDS.has(k) && v && typeof v === 'object') {
        out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, this.rewrite(s)]));
      } else {
        out[k] = this.rewrite(v);
      }
    }
    return out;
  }
}
