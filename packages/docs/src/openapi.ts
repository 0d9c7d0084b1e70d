/** The parts of a bundled OpenAPI 3.x document the docs builder reads (everything else is passed through). */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string; variables?: Record<string, { default: string; enum?: string[] }> }[];
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: { securitySchemes?: Record<string, SecurityScheme> };
}

/** An OpenAPI Security Scheme Object (bundled, so never a `$ref`). */
export interface SecurityScheme {
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  description?: string;
  name?: string;
  in?: string;
  scheme?: string;
  flows?: Record<string, { tokenUrl?: string; authorizationUrl?: string; refreshUrl?: string }>;
}

/** An OpenAPI Operation Object, reduced to what the index page and the tests need. */
export interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; headers?: Record<string, unknown>; content?: Record<string, MediaType> }>;
}

/** An OpenAPI Parameter Object (resolved). */
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

/** An OpenAPI Media Type Object (examples already inlined into `value` by the bundler). */
export interface MediaType {
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown }>;
}

/** One operation with its location. */
export interface OperationRef {
  method: string;
  path: string;
  operation: Operation;
  /** The operation's own `servers` (operation-level, else path-level) when it overrides the root ones. */
  servers?: NonNullable<OpenApiDoc['servers']>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Resolves a local `$ref` (`#/components/...`) of the bundled document; other values pass through. */
export function resolveRef<T>(doc: OpenApiDoc, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let hops = 0; hops < 16 && current && typeof current === 'object' && '$ref' in current; hops++) {
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith('#/')) return current as T;
    current = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  }
  return current as T;
}

/**
 * Every operation of the document, in path order then method order, with path-level parameters
 * merged in and `$ref`s of parameters resolved.
 */
export function listOperations(doc: OpenApiDoc): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = ((item.parameters as unknown[] | undefined) ?? []).map((p) => resolveRef<Parameter>(doc, p as Parameter));
    for (const method of METHODS) {
      const raw = item[method] as Operation | undefined;
      if (!raw) continue;
      const own = (raw.parameters ?? []).map((p) => resolveRef<Parameter>(doc, p));
      // An operation's parameter overrides the path-level one with the same name and location.
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      // VB for Azure: POST /oauth2/token lives at https://{host}/api, outside the root server's /api/v2.
      const servers = ((raw as { servers?: OperationRef['servers'] }).servers ?? (item.servers as OperationRef['servers'] | undefined));
      out.push({ method, path, operation: { ...raw, parameters }, ...(servers?.length ? { servers } : {}) });
    }
  }
  return out;
}

/** True when the media type is XML (`application/xml`, `text/xml`, `application/*+xml`). */
export function isXml(mediaType: string): boolean {
  return /[/+]xml(;|$)/i.test(mediaType.trim());
}

/** True when the media type is JSON (`application/json`, `application/*+json`). */
export function isJson(mediaType: string): boolean {
  return /[/+]json(;|$)/i.test(mediaType.trim());
}

/** The first example value of a media type (`example`, else the first of `examples`). */
export function firstExample(media: MediaType): unknown {
  if (media.example !== undefined) return media.example;
  return Object.values(media.examples ?? {}).find((e) => e.value !== undefined)?.value;
}

/** Substitutes the defaults of a server's variables into its URL template. */
export function serverUrl(server: NonNullable<OpenApiDoc['servers']>[number]): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}
