import { ts } from './typescript.js';
import type { OpenAPITSOptions } from 'openapi-typescript';

/**
 * The one place for type overrides (octokit's single-hook rule): openapi-typescript's `transform`.
 * - `format: binary` bodies are `Blob` (what fetch gives for a binary download), not `string`.
 * Dates (`format: date-time`) stay `string`, as the JSON representation gives them.
 */
export const transform: NonNullable<OpenAPITSOptions['transform']> = (schema) => {
  if (schema.format !== 'binary') return undefined;
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const nullable = Array.isArray(schema.type) ? schema.type.includes('null') : false;
  return nullable ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
};

/** openapi-typescript options shared by every product. */
export const openapiTsOptions: OpenAPITSOptions = {
  transform,
  silent: true,
  alphabetize: false,
};
