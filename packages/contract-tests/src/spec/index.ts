// Indexes a bundled document once: operations with their path templates, responses and the
// x-veeam-* extensions the validators read.
import type { LoadedSpec, OpenApiDoc, Schema } from './load.js';
import type { OperationInfo, Product } from '../types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `x-veeam-representations` of an operation (see docs/extensions.md). */
export interface Representations {
  parameter: string;
  default?: string;
  values: Record<string, string>;
}

/** One Media Type Object of a response. */
export interface MediaTypeEntry {
  /** Media type as written in the spec, lower-cased, without parameters. */
  mediaType: string;
  schema?: Schema;
  /** Examples with their names (values already inlined by the bundler's decorator). */
  examples: Record<string, Record<string, unknown>>;
}

/** An operation with everything validators need. */
export interface IndexedOperation extends OperationInfo {
  /** Literal/param segments of `path`, for matching. */
  segments: Segment[];
  /** JSON pointer of the operation in the bundled document. */
  pointer: string;
  operation: Record<string, any>;
  representations?: Representations;
  /** Status key (`200`, `4XX`, `default`) -> media entries. */
  content: Record<string, MediaTypeEntry[]>;
  /**
   * Base paths of the operation's own `servers` (operation-level, else path-level) when it overrides the
   * root ones, e.g. `['api']` for VB for Azure `POST /api/oauth2/token` (outside `/api/v2`).
   */
  serverBasePaths?: string[];
}

/** A path template segment. */
export type Segment = { literal: string } | { param: string };

/** Index of one product's spec. */
export interface SpecIndex {
  product: Product;
  spec: LoadedSpec;
  doc: OpenApiDoc;
  /** Server base paths of the root and of every override, longest first (`api/v2`, `api`). */
  basePaths: string[];
  /** Base paths of the root `servers` only, longest first. */
  rootBasePaths: string[];
  caseInsensitivePaths: boolean;
  operations: IndexedOperation[];
  byId: Map<string, IndexedOperation>;
}

/** Builds the index of one loaded spec. */
export function indexSpec(spec: LoadedSpec): SpecIndex {
  const doc = spec.doc;
  const operations: IndexedOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method] as Record<string, any> | undefined;
      if (!op) continue;
      const overrides = (op.servers ?? (item as { servers?: unknown }).servers) as { url: string }[] | undefined;
      const content: Record<string, MediaTypeEntry[]> = {};
      const responses: Record<string, string[]> = {};
      for (const [status, raw] of Object.entries<any>(op.responses ?? {})) {
        const resp = resolveLocal(doc, raw);
        const entries = Object.entries<any>(resp?.content ?? {}).map(([mt, media]) => ({
          mediaType: baseMediaType(mt),
          schema: media?.schema,
          examples: collectExamples(doc, media),
        }));
        content[status] = entries;
        responses[status] = entries.map((e) => e.mediaType);
      }
      operations.push({
        operationId: String(op.operationId ?? `${method} ${template}`),
        method: method.toUpperCase(),
        path: template,
        responses,
        segments: splitTemplate(template),
        pointer: `/paths/${escapePointer(template)}/${method}`,
        operation: op,
        representations: op['x-veeam-representations'] as Representations | undefined,
        content,
        ...(Array.isArray(overrides) ? { serverBasePaths: serverBasePaths(overrides) } : {}),
      });
    }
  }
  return {
    product: spec.product,
    spec,
    doc,
    basePaths: [...new Set([...serverBasePaths(doc.servers), ...operations.flatMap((o) => o.serverBasePaths ?? [])])].sort((a, b) => b.length - a.length),
    rootBasePaths: serverBasePaths(doc.servers),
    caseInsensitivePaths: doc['x-veeam-case-insensitive-paths'] === true,
    operations,
    byId: new Map(operations.map((o) => [o.operationId, o])),
  };
}

/** Follows a local `$ref` (`#/components/...`) once per hop; other nodes are returned as they are. */
export function resolveLocal(doc: unknown, node: any): any {
  let cur = node;
  for (let hops = 0; cur && typeof cur === 'object' && typeof cur.$ref === 'string' && hops < 20; hops++) {
    if (!cur.$ref.startsWith('#/')) return cur;
    cur = getByPointer(doc, cur.$ref.slice(1));
  }
  return cur;
}

/** Reads a JSON pointer (`/a/b~1c`). */
export function getByPointer(doc: unknown, pointer: string): any {
  let cur: any = doc;
  for (const part of pointer.split('/').slice(1)) {
    if (cur == null) return undefined;
    cur = cur[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** Escapes one JSON pointer token. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `application/JSON; charset=utf-8` -> `application/json`. */
export function baseMediaType(mt: string): string {
  return mt.split(';')[0]!.trim().toLowerCase();
}

/** Component schema name when `schema` is `{$ref: '#/components/schemas/X'}`. */
export function schemaRefName(schema: Schema | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/')
    ? ref.slice('#/components/schemas/'.length)
    : undefined;
}

function collectExamples(doc: unknown, media: any): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, ex] of Object.entries<any>(media?.examples ?? {})) out[name] = resolveLocal(doc, ex);
  if (media && 'example' in media) out['example'] = { value: media.example };
  return out;
}

function splitTemplate(template: string): Segment[] {
  return trimSlashes(template)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^\{([^}]+)\}$/.exec(s);
      return m ? { param: m[1]! } : { literal: s };
    });
}

/** Strips leading and trailing slashes (`/sessionMngr/` and `/sessionMngr` are one path). */
export function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}

function serverBasePaths(servers: OpenApiDoc['servers']): string[] {
  const bases = new Set<string>();
  for (const s of servers ?? []) {
    // Server URLs hold variables (`https://{host}:9398/api`): take the path after the authority.
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(s.url);
    const p = m ? (m[1] ?? '') : s.url;
    const base = trimSlashes(p);
    if (base) bases.add(base);
  }
  return [...bases].sort((a, b) => b.length - a.length);
}
