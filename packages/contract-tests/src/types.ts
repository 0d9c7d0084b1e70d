// Public types of the validator library. Keep stable: the CLI, recorder, mock server and benchmarks
// build on them.

/** Product slug: the same as the spec folder, the npm package suffix and the Redocly API alias. */
export type Product = 'enterprise-manager' | 'm365' | 'azure';

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
  /** The matched operation (absent for `unknown-operation`). */
  operationId?: string;
  /** Component schema name the body was validated against, when the response schema is a `$ref`. */
  schema?: string;
  errors: ValidationError[];
}

/** One HTTP response to validate. */
export interface ResponseInput {
  product: Product;
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
   * Repository root holding `redocly.yaml` (the API registry).
   * @default the veeam-rest checkout this package lives in
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
  /** Documented operations of a product. */
  operations(product: Product): OperationInfo[];
  /** Stop the JVM (if one was started). The validator must not be used afterwards. */
  close(): Promise<void>;
}

/** The products this package knows; the registry may list them in any order. */
export const PRODUCTS: readonly Product[] = ['enterprise-manager', 'm365', 'azure'];
