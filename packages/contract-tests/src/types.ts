// Public types of the validator library. Keep stable: the CLI, recorder, mock server and benchmarks
// build on them.

/**
 * Product slug: the same as the spec folder, the npm package suffix and the part of a registry alias
 * before `@` (`enterprise-manager`, `m365`, `azure`). The registry says which exist.
 */
export type Product = string;

/** Registry alias of one API version: `<product>@<version>` (`m365@v8`, `azure@v8.1`). */
export type ApiAlias = string;

/**
 * What kind of difference an error is, so reports and gates can tell them apart:
 * - JSON Schema keywords: `type`, `required`, `enum`, `additional` (a member the closed object does not
 *   declare), `format`, `const`, `pattern`, `range` (minimum/maximum/multipleOf), `length`
 *   (minLength/maxLength), `items` (array size, uniqueness, tuple items), `one-of` (no or several
 *   `oneOf`/`anyOf` members match), `other` (any other keyword);
 * - XSD (Enterprise Manager XML): `enum`, `type`, `pattern`, `range`, `length` and `required` as above,
 *   `xml-structure` (an element the content model does not take at that place, text where elements are
 *   expected), `xml-unknown-element` (an element the XSD declares nowhere), `xml-unknown-attribute`,
 *   `xml-namespace` (root element in another namespace, or in none the API has an XSD for);
 * - the body as a whole: `malformed` (not UTF-8, not well-formed, empty, too deep, a DTD), `too-large`;
 * - locating the contract: `unknown-operation`, `unknown-status`, `unknown-media-type`;
 * - `no-jdk`: an XML body left unvalidated because no JDK 17+ was found; `no-body`: a HAR entry saved
 *   without its body; `truncated`: the summary line of errors beyond the report's limit.
 */
export type ErrorKind =
  | 'type' | 'required' | 'enum' | 'additional' | 'format' | 'const' | 'pattern' | 'range' | 'length' | 'items' | 'one-of' | 'other'
  | 'xml-structure' | 'xml-unknown-element' | 'xml-unknown-attribute' | 'xml-namespace'
  | 'malformed' | 'too-large'
  | 'unknown-operation' | 'unknown-status' | 'unknown-media-type'
  | 'no-jdk' | 'no-body' | 'truncated';

/** Differences that only add to the contract (see {@link ValidationError.additive}). */
export type AllowedDrift = 'additive';

/** One problem found in a body. */
export interface ValidationError {
  /** What kind of difference this is (see {@link ErrorKind}). */
  kind: ErrorKind;
  /**
   * True when the difference only adds to the contract: a member the schema does not declare (JSON
   * `additional`, XML `xml-unknown-element` / `xml-unknown-attribute`) or a string value outside a
   * string enum (a new enumeration value). With `allow: ['additive']` such errors are drift, not failures.
   */
  additive?: boolean;
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
 * not describe is its own outcome, never a pass. `skipped-no-jdk`: an XML body that was not validated
 * because no JDK 17+ was found (never a pass; JSON bodies of the same run are still validated).
 */
export type Outcome = 'valid' | 'invalid' | 'unknown-operation' | 'unknown-status' | 'unknown-media-type' | 'malformed' | 'skipped-no-jdk';

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
  /** Failures (empty when `ok`). */
  errors: ValidationError[];
  /**
   * Additive differences that were allowed (`allow: ['additive']`): new members and new enum values,
   * listed but not failing. Present only when there are some; always absent in strict mode, where they
   * are errors.
   */
  drift?: ValidationError[];
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
  /**
   * Differences that do not fail a body. `['additive']`: members the schema does not declare and string
   * values outside a string enum are reported as `drift` (outcome `valid`), for teams that gate only on
   * breaking differences. A body that also has any other error fails, its additive errors included.
   * For XML an unknown element counts as additive only when the document is valid without it (it is
   * removed and the document validated again, in the same JVM).
   * @default [] (strict: every difference fails)
   */
  allow?: readonly AllowedDrift[];
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
