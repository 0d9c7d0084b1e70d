import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { openapiTsOptions } from '../transform.js';
import type { OpenApiDoc } from '../openapi.js';
import { header } from './print.js';

/** `schema.gen.ts`: openapi-typescript's `paths`, `components` and `operations` of a bundled spec. */
export async function emitSchema(doc: OpenApiDoc, source: string): Promise<string> {
  // openapi-typescript resolves refs in place and validates the whole document again: give it a copy
  // without Example Objects (inlined bodies; they never reach the types), so EM's many XML examples are
  // neither cloned nor linted twice.
  const ast = await openapiTS(withoutExamples(doc) as unknown as OpenAPI3, openapiTsOptions);
  return header(source, doc.info.version) + '\n' + astToString(ast);
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
