import type * as TypeScript from 'typescript';
import type { OpenAPITSOptions } from 'openapi-typescript';
import { ts } from './typescript.js';

type SchemaObject = Parameters<NonNullable<OpenAPITSOptions['transform']>>[0];

/**
 * The one place for type overrides (octokit's single-hook rule): openapi-typescript's `transform`.
 * - `format: binary` bodies are `Blob` (what fetch gives for a binary download), not `string`.
 * - An open set of known strings (`type: string` + `anyOf: [{enum: [...]}, {type: string}]`, e.g. EM's
 *   `LinkType`) is `'A' | 'B' | (string & {})`: any string type-checks, the known values still complete.
 *   openapi-typescript would emit `string | ('A' | 'B')`, which TypeScript collapses to `string`.
 * Dates (`format: date-time`) stay `string`, as the JSON representation gives them.
 */
export const transform: NonNullable<OpenAPITSOptions['transform']> = (schema) => {
  const type = schema.format === 'binary' ? ts.factory.createTypeReferenceNode('Blob') : openSet(schema);
  if (!type) return undefined;
  const nullable = Array.isArray(schema.type) ? schema.type.includes('null') : false;
  return nullable ? ts.factory.createUnionTypeNode([type, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : type;
};

/** The known values of an open string set, or undefined when `schema` is not one. */
export function openSetValues(schema: SchemaObject): string[] | undefined {
  const s = schema as { type?: unknown; anyOf?: unknown };
  const stringTyped = s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
  if (!stringTyped || !Array.isArray(s.anyOf) || s.anyOf.length !== 2) return undefined;
  const [known, any] = s.anyOf as { enum?: unknown; type?: unknown }[];
  const values = known?.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) return undefined;
  if (any?.type !== 'string' || 'enum' in any) return undefined;
  return values as string[];
}

function openSet(schema: SchemaObject): TypeScript.TypeNode | undefined {
  const values = openSetValues(schema);
  if (!values) return undefined;
  const literals = values.map((v) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(v)));
  // `string & {}` keeps the literals from being absorbed into `string`.
  const anyString = ts.factory.createIntersectionTypeNode([
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
    ts.factory.createTypeLiteralNode([]),
  ]);
  return ts.factory.createUnionTypeNode([...literals, ts.factory.createParenthesizedType(anyString)]);
}

/** openapi-typescript options shared by every product. */
export const openapiTsOptions: OpenAPITSOptions = {
  transform,
  silent: true,
  alphabetize: false,
};
