// Public types of the validator library. Keep stable: the CLI, recorder, mock server and benchmarks
// build on them.

/**
 * Product slug: the same as the spec folder, the npm package suffix and the part of a registry alias
 * before `@` (`enterprise-manager`, `m365`, `azure`). The registry says which exist.
 */
export type Product = string;

/** Registry alias of one API version: `<product>@<version>` (`m365@v8`, `azure@v8.1`). */
export type ApiAlias = string;

/** One problem found in a body. */
export interface ValidationError {
  /** JSON pointer into the body (`/Refs/0/Type`), or `line:column` for XML and unparsable JSON. */
  path: string;
  /** What is wrong, in words. */
  message: string;
  /** What the spec expects there (an enum list, a type, a media type...). */
  expected?: string;
  /** What the body holds there (JSON-encoded, shortened). */
  actual?: string;
}

/**
 * How a validation ended. Only `valid` has `ok: true`; an operation, status or media type the spec does
 * not describe is its own outcome, never a pass.
 */
export type Outcome = 'valid' | 'invalid' | 'unknown-operation' | 'unknown-status' | 'unknown-media-type' | 'malformed';

/** Result of validating one response. */
export interface ValidationResult {
  ok: boolean;
  outcome: Outcome;
  /** The API the response was validated against (absent when no API serves the URL). */
  api?: ApiAlias;
  /** The matched operation (absent for `unknown-operation`). */
  operationId?: string;
  /** Component schema name the body was validated against, when the response schema is a `$ref`. */
  schema?: string;
  errors: ValidationError[];
}

/**
 * One HTTP response to validate. The API is `api` when given; else the one whose server base path is
 * the longest prefix of the URL's path (`/v3` vs `/v8`, `/api/v2` vs `/api/v8.1`), among `product`'s
 * versions when given, else among every API.
 */
export interface ResponseInput {
  /** Only this product's API versions are candidates. */
  product?: Product;
  /** The API to validate against, e.g. `m365@v8`. */
  api?: ApiAlias;
  /** HTTP method, any case. */
  method: string;
  /** Absolute URL, or a path including the server base path (`/api/...`) and the query. */
  url: string;
  status: number;
  /** `Content-Type` header; parameters (charset) are ignored. Absent: taken from the spec / sniffed. */
  contentType?: string;
  body: string | Uint8Array;
}

/** A documented operation. */
export interface OperationInfo {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template relative to the server base path, as written in the spec (`/backupSessions/{ID}`). */
  path: string;
  /** Status code (`200`, `4XX`, `default`) -> media types it declares (empty list: no body). */
  responses: Record<string, string[]>;
}

/** Options of {@link createValidator}. */
export interface ValidatorOptions {
  /**
   * A checkout holding `redocly.yaml` (the API registry): its specs are bundled, for spec authors.
   * @default the specs shipped in this package (every API of the registry it was built from)
   */
  rootDir?: string;
  /** JDK used for XSD validation. @default `$JAVA_HOME`, else `java`/`javac` on `PATH` */
  javaHome?: string;
  /** Bodies larger than this are refused as `malformed` before parsing. @default 16 MiB */
  maxBodyBytes?: number;
}

/** A validator bound to the specs of one repository; create once, reuse, then `close()`. */
export interface ContractValidator {
  /** Validate one response. */
  validate(input: ResponseInput): Promise<ValidationResult>;
  /** Validate many responses; all XML bodies go to the XSD JVM in one batch. Results keep input order. */
  validateMany(inputs: ResponseInput[]): Promise<ValidationResult[]>;
  /** Documented operations of an API (alias, or a product with one API version); it must be loaded. */
  operations(api: ApiAlias | Product): OperationInfo[];
  /** Stop the JVM (if one was started). The validator must not be used afterwards. */
  close(): Promise<void>;
}
