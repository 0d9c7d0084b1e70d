// One Ajv2020 instance per product. The component schemas are registered once as a single schema
// (`$defs`), with `#/components/schemas/X` refs rewritten to it; each response schema is compiled once
// and cached by the caller.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SpecError } from '../spec/errors.js';
import type { Schema } from '../spec/load.js';

// ajv-formats ships CJS with `exports.default`; NodeNext sees the module object.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** OpenAPI keywords that are annotations for Ajv (OpenAPI 3.1 vocabulary). */
const OPENAPI_KEYWORDS = ['example', 'xml', 'discriminator', 'externalDocs'];
/** Keywords whose value is data, not a schema: copied verbatim. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default', 'xml', 'externalDocs', 'discriminator', 'required']);
/** Keywords whose value maps names to schemas. */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Compiles response schemas of one product against its registered components. */
export class SchemaCompiler {
  readonly ajv: Ajv2020;
  readonly componentsId: string;

  constructor(readonly product: string, components: Record<string, Schema>, readonly sourceFile: string) {
    this.componentsId = `https://veeam-rest.invalid/${product}/components.json`;
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addVocabulary(OPENAPI_KEYWORDS);
    const defs: Record<string, Schema> = {};
    for (const [name, s] of Object.entries(components)) defs[name] = this.rewrite(s);
    try {
      this.ajv.addSchema({ $id: this.componentsId, $defs: defs });
    } catch (e) {
      throw new SpecError(`components/schemas are not valid JSON Schema 2020-12: ${(e as Error).message}`, sourceFile, '#/components/schemas');
    }
  }

  /** Compiles a schema from the bundled document (`pointer` only names it in errors). */
  compile(schema: Schema, pointer: string): ValidateFunction {
    try {
      return this.ajv.compile(this.rewrite(schema));
    } catch (e) {
      throw new SpecError(`schema cannot be compiled: ${(e as Error).message}`, this.sourceFile, `#${pointer}`);
    }
  }

  /** Compiles the component schema `name`. */
  compileComponent(name: string): ValidateFunction {
    return this.compile({ $ref: `#/components/schemas/${name}` }, `/components/schemas/${name}`);
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
