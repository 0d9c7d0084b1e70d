import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { openapiTsOptions } from '../transform.js';
import type { OpenApiDoc } from '../openapi.js';
import { header } from './print.js';

/** `schema.gen.ts`: openapi-typescript's `paths`, `components` and `operations` of a bundled spec. */
export async function emitSchema(doc: OpenApiDoc, source: string): Promise<string> {
  // openapi-typescript resolves refs in place; give it a copy so other emitters see the bundle as is.
  const ast = await openapiTS(structuredClone(doc) as unknown as OpenAPI3, openapiTsOptions);
  return header(source, doc.info.version) + '\n' + astToString(ast);
}
