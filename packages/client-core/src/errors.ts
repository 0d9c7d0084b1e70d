/** Base class of every error the Veeam clients throw; `code` is stable, the message is for humans. */
export class VeeamError extends Error {
  /** Machine-readable reason, stable across releases. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Reasons a response could not be turned into a typed result. */
export type VeeamResponseErrorCode = 'unexpected-content-type' | 'undecodable-body' | 'too-large' | 'empty-body';

/**
 * The server answered, but with a body the client cannot decode into the documented type: not UTF-8,
 * malformed, over maxResponseBytes (counted after Content-Encoding is undone), or empty where the spec
 * documents content for the status (`empty-body`).
 */
export class VeeamResponseError extends VeeamError {
  declare readonly code: VeeamResponseErrorCode;
  /** HTTP status of the response. */
  readonly status: number;
  /** operationId of the call. */
  readonly operationId: string;
  /** Content-Type the server sent (empty string when absent). */
  readonly contentType: string;
  constructor(
    code: VeeamResponseErrorCode,
    message: string,
    details: { status: number; operationId: string; contentType: string; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.operationId = details.operationId;
    this.contentType = details.contentType;
  }
}

/** Reasons a request produced no response. */
export type VeeamRequestErrorCode = 'timeout' | 'aborted' | 'network' | 'redirect';

/**
 * The request did not complete: timed out (reading and decoding the body included), aborted by the
 * caller, failed on the network, or was redirected where the client does not follow (`redirect`: to
 * another origin, or more than 5 times).
 */
export class VeeamRequestError extends VeeamError {
  declare readonly code: VeeamRequestErrorCode;
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request (never carries credentials: they travel in headers). */
  readonly url: string;
  constructor(code: VeeamRequestErrorCode, message: string, details: { method: string; url: string; cause?: unknown }) {
    super(code, message, { cause: details.cause });
    this.method = details.method;
    this.url = details.url;
  }
}

/** Reasons authentication failed. */
export type VeeamAuthErrorCode = 'logon-failed' | 'token-failed' | 'session-header-missing' | 'closed';

/** Logon or token request failed. Never carries the credentials, only the endpoint and status. */
export class VeeamAuthError extends VeeamError {
  declare readonly code: VeeamAuthErrorCode;
  /** HTTP status of the failed auth call, when there was one. */
  readonly status: number | undefined;
  constructor(code: VeeamAuthErrorCode, message: string, details: { status?: number; cause?: unknown } = {}) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
  }
}

/** Reasons a client's options were refused. */
export type VeeamConfigErrorCode = 'credentials-in-url';

/**
 * An option of `createClient` was refused. Thrown at creation, before any request; the message never
 * repeats a secret (a password in a URL shows as `***`).
 */
export class VeeamConfigError extends VeeamError {
  declare readonly code: VeeamConfigErrorCode;
  /** Name of the refused option, e.g. `baseUrl`. */
  readonly option: string;
  constructor(code: VeeamConfigErrorCode, message: string, option: string) {
    super(code, message);
    this.option = option;
  }
}

/** Reasons `follow()` refused a link. */
export type VeeamLinkErrorCode = 'invalid-link' | 'dead-link' | 'no-matching-operation';

/** A link given to `follow()` is malformed, documented as dead, or matches no specified operation. */
export class VeeamLinkError extends VeeamError {
  declare readonly code: VeeamLinkErrorCode;
  /** The href that was followed. */
  readonly href: string;
  constructor(code: VeeamLinkErrorCode, message: string, href: string) {
    super(code, message);
    this.href = href;
  }
}

/** Reasons pagination stopped with an error. */
export type VeeamPaginationErrorCode = 'not-paged' | 'http-error' | 'bad-page';

/** `paginate()` was asked for an unpaged operation, a page request failed, or a page lacked its items. */
export class VeeamPaginationError extends VeeamError {
  declare readonly code: VeeamPaginationErrorCode;
  /** operationId being paged. */
  readonly operationId: string;
  /** The API error of the failed page request (`http-error` only). */
  readonly error: ApiError<unknown> | undefined;
  constructor(code: VeeamPaginationErrorCode, message: string, operationId: string, error?: ApiError<unknown>) {
    super(code, message);
    this.operationId = operationId;
    this.error = error;
  }
}

/** What a non-2xx result carries in `error`: status, the operation called and the body typed from the spec. */
export interface ApiError<Body, OperationId extends string = string> {
  /** HTTP status code. */
  status: number;
  /** operationId of the call (`follow()` and logs use the same id). */
  operationId: OperationId;
  /** Error body, decoded like a success body (JSON, or XML for EM), raw text when undecodable. */
  body: Body;
}
