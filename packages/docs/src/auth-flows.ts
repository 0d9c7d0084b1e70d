import { listOperations, type OpenApiDoc, type SecurityScheme } from './openapi.js';

/** How one security scheme of the spec is sent. */
export interface SchemeSummary {
  name: string;
  /** One line, e.g. `HTTP bearer` or `API key in header X-RestSvcSessionId`. */
  kind: string;
  description?: string;
}

/** An operation that hands out credentials (logon, token), found from the spec, not by name. */
export interface EntryOperation {
  method: string;
  path: string;
  /**
   * Full URL template when the operation has its own server (a path- or operation-level `servers`
   * override), e.g. `https://{host}/api/oauth2/token` for VB for Azure's unversioned token endpoint.
   */
  url?: string;
  operationId?: string;
  summary?: string;
  /** Schemes the operation itself requires (`[]` = none). */
  security: string[];
  requestMediaTypes: string[];
  /** Success statuses with the response headers they set, e.g. `201 (X-RestSvcSessionId)`. */
  success: string[];
}

/** The auth picture of one API for the index page. */
export interface AuthSummary {
  /** Schemes every operation needs unless it says otherwise (root `security`). */
  defaultSchemes: string[];
  schemes: SchemeSummary[];
  entryOperations: EntryOperation[];
}

function describeScheme(s: SecurityScheme): string {
  switch (s.type) {
    case 'http':
      return `HTTP ${s.scheme ?? ''}`.trim();
    case 'apiKey':
      return `API key in ${s.in ?? '?'} ${s.name ?? ''}`.trim();
    case 'oauth2':
      return `OAuth 2.0 (${Object.entries(s.flows ?? {}).map(([flow, f]) => `${flow}${f.tokenUrl ? ` flow, token URL ${f.tokenUrl}` : ''}`).join('; ')})`;
    default:
      return s.type;
  }
}

const schemeNames = (req: Record<string, string[]>[] | undefined): string[] => [...new Set((req ?? []).flatMap((r) => Object.keys(r)))];

/**
 * Derives the auth flows from `components.securitySchemes`, the root `security`, and the operations
 * that override it (logon/token endpoints are the ones that do not need the default scheme) or sit at
 * an OAuth 2.0 token URL.
 */
export function summarizeAuth(doc: OpenApiDoc): AuthSummary {
  const schemes = Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => ({
    name,
    kind: describeScheme(s),
    ...(s.description ? { description: s.description.trim() } : {}),
  }));
  const defaultSchemes = schemeNames(doc.security);
  const tokenPaths = Object.values(doc.components?.securitySchemes ?? {})
    .flatMap((s) => Object.values(s.flows ?? {}))
    .map((f) => f.tokenUrl)
    .filter((u): u is string => typeof u === 'string');
  const entryOperations: EntryOperation[] = [];
  for (const { method, path, operation, servers } of listOperations(doc)) {
    const own = operation.security ? schemeNames(operation.security) : undefined;
    const overrides = own !== undefined && !defaultSchemes.every((d) => own.includes(d));
    const atTokenUrl = tokenPaths.some((u) => u === path || u.endsWith(path));
    if (!overrides && !atTokenUrl) continue;
    entryOperations.push({
      method: method.toUpperCase(),
      path,
      ...(servers ? { url: `${servers[0]!.url.replace(/\/+$/, '')}${path}` } : {}),
      ...(operation.operationId ? { operationId: operation.operationId } : {}),
      ...(operation.summary ? { summary: operation.summary } : {}),
      security: own ?? defaultSchemes,
      requestMediaTypes: Object.keys(operation.requestBody?.content ?? {}),
      success: Object.entries(operation.responses ?? {})
        .filter(([status]) => /^2/.test(status))
        .map(([status, r]) => {
          const headers = Object.keys(r.headers ?? {});
          return headers.length ? `${status} (${headers.join(', ')})` : status;
        }),
    });
  }
  return { defaultSchemes, schemes, entryOperations };
}
