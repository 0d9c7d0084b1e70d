import { createRequire } from 'node:module';
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import type * as OpenapiTs from 'openapi-typescript';
import { openapiTsOptions } from '../transform.js';
import type { OpenApiDoc } from '../openapi.js';
import { header } from './print.js';

// openapi-typescript's entry point (`openapiTS`) loads its own @redocly/openapi-core 1.x, then parses,
// lints and bundles the document again: about 1 s of every run for a document Redocly 2 has just
// bundled and the spec checks lint. Its transform modules need neither, so they are required directly
// (CommonJS builds: no ESM scan of TypeScript). Pinned by the lockfile; the fixture snapshots and the
// repository drift test fail if a new openapi-typescript moves or changes them.
const require = createRequire(import.meta.url);
const dist = 'openapi-typescript/dist';
const transformSchema: typeof OpenapiTs.transformSchema = require(`${dist}/transform/index.cjs`);
const { resolveRef, scanDiscriminators }: Pick<typeof OpenapiTs, 'resolveRef' | 'scanDiscriminators'> = require(`${dist}/lib/utils.cjs`);
const { astToString }: Pick<typeof OpenapiTs, 'astToString'> = require(`${dist}/lib/ts.cjs`);

/** `schema.gen.ts`: openapi-typescript's `paths`, `components` and `operations` of a bundled spec. */
export async function emitSchema(doc: OpenApiDoc, source: string): Promise<string> {
  // The transform resolves refs in place: give it a copy without Example Objects (inlined bodies;
  // they never reach the types), so EM's many XML examples are not cloned.
  const schema = withoutExamples(doc) as OpenAPI3;
  const ast = transformSchema(schema, context(schema, openapiTsOptions));
  return header(source, doc.info.version) + '\n' + astToString(ast);
}

/** The context `openapiTS()` builds from its options (openapi-typescript 7.13 defaults). */
function context(schema: OpenAPI3, o: OpenAPITSOptions): GlobalContext {
  const silent = o.silent ?? false;
  return {
    additionalProperties: o.additionalProperties ?? false,
    alphabetize: o.alphabetize ?? false,
    arrayLength: o.arrayLength ?? false,
    defaultNonNullable: o.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, o),
    emptyObjectsUnknown: o.emptyObjectsUnknown ?? false,
    enum: o.enum ?? false,
    enumValues: o.enumValues ?? false,
    conditionalEnums: o.conditionalEnums ?? false,
    dedupeEnums: o.dedupeEnums ?? false,
    excludeDeprecated: o.excludeDeprecated ?? false,
    exportType: o.exportType ?? false,
    immutable: o.immutable ?? false,
    rootTypes: o.rootTypes ?? false,
    rootTypesNoSchemaPrefix: o.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: o.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: o.pathParamsAsTypes ?? false,
    postTransform: o.postTransform,
    propertiesRequiredByDefault: o.propertiesRequiredByDefault ?? false,
    // Only openapiTS() itself reads the Redocly config; the transforms never do.
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent,
    inject: o.inject,
    transform: o.transform,
    transformProperty: o.transformProperty,
    makePathsEnum: o.makePathsEnum ?? false,
    generatePathParams: o.generatePathParams ?? false,
    readWriteMarkers: o.readWriteMarkers ?? false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent }),
  };
}

/** A deep copy of the document minus the `examples` of media types, parameters, headers and components. */
function withoutExamples(doc: OpenApiDoc): unknown {
  const components = doc.components;
  return JSON.parse(
    JSON.stringify(doc, function (this: Record<string, unknown>, key, value: unknown) {
      // Media Type, Parameter and Header Objects are the objects with a `schema`; a Schema's own
      // `examples` keyword (an array) sits in objects without one and stays.
      if (key === 'examples' && (this === components || (typeof this.schema === 'object' && !Array.isArray(value)))) return undefined;
      return value;
    }),
  );
}
