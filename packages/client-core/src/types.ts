// Public types of the clients: openapi-fetch's method signatures with the `error` member replaced by
// ApiError, the init narrowed to the keys the clients honour, `data` narrowed by x-veeam-representations,
// plus the per-call options, paginate() and follow().
import type {
  ErrorResponse,
  HttpMethod,
  MediaType,
  PathsWithMethod,
  ResponseObjectMap,
  SuccessResponse,
} from 'openapi-typescript-helpers';
import type { ApiError } from './errors.js';
import type { Readable } from './readable.js';
import type { InitArgs, KnownKeysArgs, VeeamInit } from './init-types.js';
import type { Format } from './media.js';
import type { RepresentationAt, RepresentedData } from './representation-types.js';

export type { InitArgs, KnownKeysArgs, KnownKeysOnly, UnsupportedInitKey, VeeamInit } from './init-types.js';
export type { RepresentationAt, RepresentationIndex, RepresentedData } from './representation-types.js';

/** Options every call accepts besides openapi-fetch's `params`, `body`, `headers`, `signal`. */
export interface CallOptions {
  /** Per-call timeout in ms (covers auth, retries and reading the body); overrides the client's. */
  timeoutMs?: number;
}

/** Per-call option of clients that serve XML (Enterprise Manager). */
export interface FormatOption {
  /** Response media for this call; the data has the same type either way (m365/azure: JSON only, no such key). */
  format?: Format;
}

/** Operation `Id` of `Ops`, narrowed to the object shape openapi-fetch's helpers expect. */
export type OpOf<Ops, Id extends keyof Ops> = Extract<Ops[Id], Record<string | number, any>>;

type Fallback<T> = [T] extends [never] ? unknown : T;


/** Typed body of a 2xx answer of operation `T`. */
export type SuccessData<T extends Record<string | number, any>, Media extends MediaType = MediaType> = Readable<SuccessResponse<ResponseObjectMap<T>, Media>>;
/** Typed body of a non-2xx answer of operation `T` (union of the documented error schemas). */
export type ErrorData<T extends Record<string | number, any>, Media extends MediaType = MediaType> = Fallback<Readable<ErrorResponse<ResponseObjectMap<T>, Media>>>;

/**
 * Result of a call: `data` on 2xx, else `error` with status, operationId and the typed error body.
 * `Data` is the 2xx body, narrowed by the call's representation where the operation has several.
 */
export type VeeamFetchResponse<T extends Record<string | number, any>, Media extends MediaType = MediaType, Data = SuccessData<T, Media>> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: ApiError<ErrorData<T, Media>>; response: Response };

/** The operation object at `Paths[Path][Method]`. */
export type OperationAt<Paths, Path, Method> = Path extends keyof Paths
  ? Method extends keyof Paths[Path]
    ? Extract<Paths[Path][Method], Record<string | number, any>>
    : never
  : never;

/**
 * One HTTP-method function of the client, e.g. `client.GET('/backupSessions/{ID}', { params })`. The
 * init takes only the keys of {@link VeeamInit}. With the operation table `Table` and the component
 * schemas `Schemas`, `data` of an operation with x-veeam-representations is the schema the call's query
 * selects; the init is inferred as a `const` tuple so that a literal such as `format: 'Entity'` keeps
 * its type.
 */
export type VeeamMethod<Paths extends {}, Method extends HttpMethod, Media extends MediaType, X, Table = unknown, Schemas = {}> = <
  Path extends PathsWithMethod<Paths, Method>,
  const Args extends InitArgs<OperationAt<Paths, Path, Method>, X>,
>(
  url: Path,
  ...init: KnownKeysArgs<Args, VeeamInit<OperationAt<Paths, Path, Method>, X>>
) => Promise<
  VeeamFetchResponse<
    OperationAt<Paths, Path, Method>,
    Media,
    RepresentedData<SuccessData<OperationAt<Paths, Path, Method>, Media>, RepresentationAt<Table, Method, Path>, Schemas, Args[0]>
  >
>;

/** A link object as the APIs return it: EM `Links[]` items or a value of M365/Azure `_links`. */
export type LinkObject =
  | { Href: string; Rel?: string | null; Type?: string | null; Name?: string | null }
  | { href: string; [key: string]: unknown };

/** Result of `follow()`: the operation the link matched, discriminating the typed result. */
export type FollowResult<Ops, Media extends MediaType = MediaType> = {
  [Id in keyof Ops & string]: { operationId: Id } & VeeamFetchResponse<OpOf<Ops, Id>, Media>;
}[keyof Ops & string];

type PagedIds<Table> = {
  [Id in keyof Table & string]: Table[Id] extends { readonly pagination: { readonly style: string } } ? Id : never;
}[keyof Table & string];

/** operationIds that carry x-veeam-pagination (all ids when the table does not keep literal types). */
export type PagedOperationId<Table> = [PagedIds<Table>] extends [never] ? keyof Table & string : PagedIds<Table>;

type Prop<T, K extends string> = T extends unknown ? (K extends '*' ? NonNullable<T[keyof T]> : K extends keyof T ? T[K] : never) : never;
type AtPath<T, P extends string> = P extends `${infer Head}.${infer Rest}` ? AtPath<NonNullable<Prop<T, Head>>, Rest> : Prop<T, P>;
// The default items path plus, for EM, every path itemsBy can select: items are typed as their union.
type ItemsPath<Table, Id extends keyof Table> = Table[Id] extends { readonly pagination: { readonly items: infer P extends string } }
  ? P | (Table[Id] extends { readonly pagination: { readonly itemsBy: { readonly values: infer V } } } ? V[keyof V] & string : never)
  : string;

/** Item type yielded by `paginate(Id)`: the element type of the page's items array. */
export type PageItem<Ops, Table, Id extends keyof Ops & keyof Table, Media extends MediaType = MediaType> =
  string extends ItemsPath<Table, Id>
    ? unknown
    : ArrayItem<NonNullable<AtPath<NonNullable<SuccessData<OpOf<Ops, Id>, Media>>, ItemsPath<Table, Id>>>>;
type ArrayItem<A> = A extends readonly (infer Item)[] ? Item : never;

/** Async iterator over every item of a paged operation; `pages()` iterates whole pages instead. */
export interface Paginator<Item, Page> extends AsyncIterable<Item> {
  /** Iterates pages (the typed 2xx bodies) instead of items. */
  pages(): AsyncIterableIterator<Page>;
}

/** Init of `paginate()`: the operation's params; paging parameters are set by the iterator (start values are honoured). */
export type PaginateInit<Op, X> = InitArgs<Op, X>;

/**
 * The typed client of one product: `paths` and `operations` of its schema.gen.ts, the type of its
 * generated operation table, the per-call extras `X` (EM: {@link FormatOption}) and, for products with
 * x-veeam-representations, `components['schemas']` so that `data` narrows by the selected representation.
 */
export interface VeeamClient<Paths extends {}, Ops, Table, X = {}, Schemas = {}, Media extends MediaType = MediaType> {
  /** Calls a GET operation. */
  GET: VeeamMethod<Paths, 'get', Media, X, Table, Schemas>;
  /** Calls a PUT operation. */
  PUT: VeeamMethod<Paths, 'put', Media, X, Table, Schemas>;
  /** Calls a POST operation. */
  POST: VeeamMethod<Paths, 'post', Media, X, Table, Schemas>;
  /** Calls a DELETE operation. */
  DELETE: VeeamMethod<Paths, 'delete', Media, X, Table, Schemas>;
  /** Calls a PATCH operation. */
  PATCH: VeeamMethod<Paths, 'patch', Media, X, Table, Schemas>;
  /**
   * Iterates every item of a paged operation (x-veeam-pagination), requesting pages as needed.
   * @example for await (const s of client.paginate('listJobSessions')) console.log(s.status);
   */
  paginate<Id extends PagedOperationId<Table> & keyof Ops & string>(
    operationId: Id,
    ...init: PaginateInit<Ops[Id], X>
  ): Paginator<PageItem<Ops, Table, Id, Media>, SuccessData<OpOf<Ops, Id>, Media>>;
  /**
   * Performs the specified operation a link from a response points to (EM `Links[]` item, or a `_links`
   * value), re-based onto this client's base URL. Throws VeeamLinkError for dead or unknown links.
   */
  follow(link: LinkObject, init?: CallOptions & X & { signal?: AbortSignal }): Promise<FollowResult<Ops, Media>>;
  /** Ends the session (EM logoff) and forgets tokens; the client cannot be used afterwards. */
  close(): Promise<void>;
}
