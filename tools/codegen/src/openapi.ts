/** The few OpenAPI 3.1 shapes the emitters read from a bundled document (loose on purpose). */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths?: Record<string, PathItem>;
  components?: { schemas?: Record<string, Schema>; [section: string]: Record<string, unknown> | undefined };
  [ext: `x-${string}`]: unknown;
}

export type PathItem = Record<string, unknown> & { parameters?: Param[] };

export interface Ref {
  $ref: string;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
}

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  xml?: { name?: string; namespace?: string; attribute?: boolean; wrapped?: boolean; prefix?: string; 'x-veeam-text'?: boolean };
  [key: string]: unknown;
}

/** The HTTP methods of a path item, in the order the table lists them. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** True for a `{$ref}` object. */
export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as Ref).$ref === 'string';
}

/**
 * Follows local `$ref`s (`#/components/...`) of a bundled document; returns the target and the
 * component name of the last hop (undefined when the value was inline).
 */
export function deref<T>(doc: OpenApiDoc, value: T | Ref): { value: T; name: string | undefined } {
  let current: unknown = value;
  let name: string | undefined;
  for (let hops = 0; isRef(current); hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unbundled $ref ${ref}`);
    const parts = ref.slice(2).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    let target: unknown = doc;
    for (const part of parts) target = (target as Record<string, unknown> | undefined)?.[part];
    if (target === undefined) throw new Error(`$ref ${ref} points nowhere`);
    name = parts[0] === 'components' && parts[1] === 'schemas' ? parts[2] : name;
    current = target;
  }
  return { value: current as T, name };
}
