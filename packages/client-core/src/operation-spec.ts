/**
 * Types of the generated operation tables (`packages/<product>/src/generated/operations.gen.ts`).
 * The generator (`@veeam-rest/codegen`) writes object literals that `satisfy` these types; the runtime
 * reads them for media negotiation, pagination, link following and XML decoding.
 */

/** HTTP methods an OpenAPI path item can carry, lower case as in the spec. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

/**
 * Response schema candidates per status and media type: component schema names (one, or the members
 * of a `oneOf`). An array of a component is written `Name[]`; an inline schema gives an empty list.
 */
export type ResponseSpec = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** `x-veeam-representations` of an operation (docs/extensions.md): which `oneOf` member a query value selects. */
export interface RepresentationsSpec {
  /** Query parameter that selects the representation, e.g. `format`. */
  readonly parameter: string;
  /** Component schema name served when the parameter is absent. */
  readonly default: string;
  /** Parameter value -> component schema name. */
  readonly values: Readonly<Record<string, string>>;
}

/** `x-veeam-pagination: {style: offset-limit}` (azure). */
export interface OffsetLimitPagination {
  readonly style: 'offset-limit';
  /** Query parameter holding the offset. */
  readonly offset: string;
  /** Query parameter holding the page size. */
  readonly limit: string;
  /** Property of the page holding the items array. */
  readonly items: string;
  /** Property holding the total count, when the API sends one. */
  readonly total?: string;
}

/** `x-veeam-pagination: {style: page}` (enterprise-manager query service, pages counted from 1). */
export interface PagePagination {
  readonly style: 'page';
  /** Query parameter holding the page number. */
  readonly page: string;
  /** Query parameter holding the page size. */
  readonly pageSize: string;
  /** Property holding `PageNum`, `PageSize`, `PagesCount`. */
  readonly pagingInfo: string;
  /** Dotted path to the items array in the page, e.g. `Refs.Refs`. */
  readonly items: string;
  /**
   * Item location per value of a query parameter (EM `format`); `*` in a path stands for the one
   * non-null property of that object. `items` applies when the parameter is absent.
   */
  readonly itemsBy?: {
    readonly parameter: string;
    readonly values: Readonly<Record<string, string>>;
  };
}

/** Any `x-veeam-pagination` value. */
export type PaginationSpec = OffsetLimitPagination | PagePagination;

/** One row of the generated `operations` table, keyed by operationId. */
export interface OperationSpec {
  readonly method: HttpMethod;
  /** Path template relative to the server URL, as in the spec (`/backupSessions/{ID}`). */
  readonly path: string;
  /** Path parameter names, in template order. */
  readonly pathParams: readonly string[];
  /** Query parameter names, sorted. */
  readonly queryParams: readonly string[];
  /** Media types of the request body, sorted; empty when the operation takes no body. */
  readonly requestMediaTypes: readonly string[];
  /** Security scheme names that apply (operation-level, else root-level); empty for anonymous calls. */
  readonly security: readonly string[];
  /** Status code (or `default`, `4XX`) -> media type -> schema candidates. */
  readonly responses: ResponseSpec;
  readonly representations: RepresentationsSpec | null;
  readonly pagination: PaginationSpec | null;
  /**
   * The operation's own server when the spec overrides the root `servers` for it (path- or operation-level
   * `servers`): VB for Azure serves `POST /api/oauth2/token` unversioned, outside `/api/v2`. Absent otherwise.
   */
  readonly server?: ServerOverride;
}

/** A path- or operation-level `servers` override of one operation. */
export interface ServerOverride {
  /** Server URL as written in the spec (`https://{host}/api`). */
  readonly url: string;
  /** Its path part (`/api`); the operation path is relative to it instead of {@link ApiSpec.basePath}. */
  readonly basePath: string;
}

/** `x-veeam-dead-links` entry of a spec root (docs/extensions.md). */
export interface DeadLinkSpec {
  readonly template: string;
  readonly rel: string;
  readonly reason: string;
  readonly source: string;
}

/** The generated `spec` constant: facts about the API a client needs at runtime. */
export interface ApiSpec {
  /** Product slug: `enterprise-manager`, `m365` or `azure`. */
  readonly product: string;
  readonly title: string;
  /** `info.version` of the source spec. */
  readonly version: string;
  /** Server URLs as written in the spec (with `{variables}`). */
  readonly servers: readonly string[];
  /** Path part of the first server URL (`/api`, `/v3`, `/api/v2`); operation paths are relative to it. */
  readonly basePath: string;
  /** `x-veeam-case-insensitive-paths`: compare literal path segments case-insensitively. */
  readonly caseInsensitivePaths: boolean;
  readonly deadLinks: readonly DeadLinkSpec[];
}
