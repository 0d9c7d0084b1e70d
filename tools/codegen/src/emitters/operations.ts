import { pointerSegment, specFail } from '../errors.js';
import { deref, isRef, METHODS, type OpenApiDoc, type Param, type Ref, type Schema } from '../openapi.js';
import { constStatement, header, importType, printStatements, sortKeys, type Literal } from './print.js';
import { ts } from '../typescript.js';

/** The `spec` constant: API facts the runtime needs (servers, base path, link quirks). */
export function buildSpecFacts(doc: OpenApiDoc, product: string): Literal {
  const servers = (doc.servers ?? []).map((s) => s.url);
  return {
    product,
    title: doc.info.title,
    version: doc.info.version,
    servers,
    basePath: basePath(servers[0]),
    caseInsensitivePaths: doc['x-veeam-case-insensitive-paths'] === true,
    deadLinks: ((doc['x-veeam-dead-links'] as Record<string, string>[] | undefined) ?? []).map((d) => ({
      template: d.template ?? '',
      rel: d.rel ?? '',
      reason: d.reason ?? '',
      source: d.source ?? '',
    })),
  };
}

/** Path part of a server URL with `{variables}` (`https://{host}:9398/api` -> `/api`); no trailing slash. */
export function basePath(url: string | undefined): string {
  if (url === undefined) return '';
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return withoutOrigin.replace(/\/+$/, '');
}

/** The operation table, keyed by operationId (sorted). */
export function buildOperations(doc: OpenApiDoc, source: string): Record<string, Literal> {
  const table: Record<string, Literal> = {};
  for (const [template, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref<Record<string, unknown>>(doc, rawItem).value;
    const itemParams = (item.parameters as (Param | Ref)[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (op === undefined) continue;
      const pointer = `/paths/${pointerSegment(template)}/${method}`;
      const id = op.operationId;
      if (typeof id !== 'string' || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id)) {
        specFail(source, pointer, `expected an operationId usable as an identifier, got ${JSON.stringify(id)}`);
      }
      if (id in table) specFail(source, pointer, `operationId "${id}" is used twice`);
      const params = mergeParams(doc, itemParams, (op.parameters as (Param | Ref)[] | undefined) ?? []);
      const server =
        op.servers !== undefined
          ? serverOverride(op.servers, source, `${pointer}/servers`)
          : serverOverride(item.servers, source, `/paths/${pointerSegment(template)}/servers`);
      table[id] = {
        method,
        path: template,
        pathParams: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name).sort(),
        requestMediaTypes: requestMediaTypes(doc, op.requestBody),
        security: securitySchemes((op.security as Record<string, string[]>[] | undefined) ?? doc.security ?? []),
        responses: responses(doc, op.responses as Record<string, unknown> | undefined),
        representations: representations(op['x-veeam-representations']),
        pagination: pagination(op['x-veeam-pagination']),
        // Only rows with an override carry the key, so the tables of other products stay as they were.
        ...(server !== undefined ? { server } : {}),
      };
    }
  }
  return sortKeys(table);
}

/**
 * The server of an operation that overrides the root `servers` (operation-level `servers`, else path-level):
 * its URL as written and its base path. VB for Azure serves `POST /api/oauth2/token` outside `/api/v2`.
 */
function serverOverride(raw: unknown, source: string, pointer: string): Literal | undefined {
  if (raw === undefined) return undefined;
  const url = Array.isArray(raw) ? (raw[0] as { url?: unknown } | undefined)?.url : undefined;
  if (typeof url !== 'string') specFail(source, pointer, 'expected a non-empty servers array whose first entry has a url');
  return { url, basePath: basePath(url) };
}

function pagination(raw: unknown): Literal {
  if (raw === undefined || raw === null) return null;
  const { style, ...rest } = raw as Record<string, Literal>;
  return { style: style ?? null, ...(deepSort(rest) as Record<string, Literal>) };
}

/** Sorts object keys at every level (extension maps carry no meaningful order). */
function deepSort(value: Literal): Literal {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as readonly Literal[]).map(deepSort);
  const record = value as Record<string, Literal>;
  return sortKeys(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, deepSort(v)])));
}

function representations(raw: unknown): Literal {
  if (raw === undefined || raw === null) return null;
  const r = raw as { parameter: string; default: string; values?: Record<string, string> };
  return { parameter: r.parameter, default: r.default, values: sortKeys(r.values ?? {}) };
}

/** Operation parameters override path-item ones with the same name and location. */
function mergeParams(doc: OpenApiDoc, itemParams: (Param | Ref)[], opParams: (Param | Ref)[]): Param[] {
  const byKey = new Map<string, Param>();
  for (const raw of [...itemParams, ...opParams]) {
    const p = deref<Param>(doc, raw).value;
    byKey.set(`${p.in}:${p.name}`, p);
  }
  return [...byKey.values()];
}

function requestMediaTypes(doc: OpenApiDoc, body: unknown): string[] {
  if (body === undefined) return [];
  const resolved = deref<{ content?: Record<string, unknown> }>(doc, body as Ref).value;
  return Object.keys(resolved.content ?? {}).sort();
}

/** Scheme names of all security requirements, first-seen order; `[]` means anonymous. */
function securitySchemes(requirements: Record<string, string[]>[]): string[] {
  return [...new Set(requirements.flatMap((r) => Object.keys(r)))];
}

function responses(doc: OpenApiDoc, raw: Record<string, unknown> | undefined): Record<string, Literal> {
  const out: Record<string, Literal> = {};
  for (const [status, rawResponse] of Object.entries(raw ?? {})) {
    const response = deref<{ content?: Record<string, { schema?: Schema }> }>(doc, rawResponse as Ref).value;
    const media: Record<string, Literal> = {};
    for (const [type, mt] of Object.entries(response.content ?? {})) media[type] = candidates(doc, mt.schema);
    out[status] = sortKeys(media);
  }
  return sortKeys(out);
}

/** Component names a response body may be: the `$ref`, the `$ref` members of a oneOf/anyOf, or `Name[]`. */
export function candidates(doc: OpenApiDoc, schema: Schema | undefined): string[] {
  if (schema === undefined) return [];
  if (isRef(schema)) {
    const { name } = deref<Schema>(doc, schema);
    return name === undefined ? [] : [name];
  }
  const members = schema.oneOf ?? schema.anyOf;
  if (members !== undefined) return members.flatMap((m) => candidates(doc, m));
  if (schema.items !== undefined && (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')))) {
    return candidates(doc, schema.items).map((n) => `${n}[]`);
  }
  return [];
}

/** `operations.gen.ts`. */
export function emitOperations(doc: OpenApiDoc, product: string, source: string): string {
  const f = ts.factory;
  const opIdType = f.createTypeAliasDeclaration(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    'OperationId',
    undefined,
    f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, f.createTypeQueryNode(f.createIdentifier('operations'))),
  );
  return (
    header(source, doc.info.version) +
    printStatements([
      importType(['ApiSpec', 'OperationSpec'], '@veeam-rest/client-core'),
      constStatement('spec', buildSpecFacts(doc, product), 'ApiSpec'),
      constStatement('operations', buildOperations(doc, source), 'Record<string, OperationSpec>'),
      opIdType,
    ])
  );
}
