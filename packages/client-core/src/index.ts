// Public surface of @veeam-rest/client-core: used by the product packages, re-exported for users.
export { createVeeamClient, type BaseClientOptions, type ProductConfig } from './client.js';
export { sessionAuth, type SessionAuthOptions } from './auth/session.js';
export { tokenAuth, type TokenAuthOptions } from './auth/token.js';
export { createTokenClient, type TokenClientOptions, type TokenOperationTable, type TokenProduct } from './token-client.js';
export type { AuthContext, AuthFactory, AuthProvider, Credentials } from './auth/types.js';
export {
  VeeamError,
  VeeamAuthError,
  VeeamConfigError,
  VeeamLinkError,
  VeeamPaginationError,
  VeeamRequestError,
  VeeamResponseError,
  type ApiError,
  type VeeamAuthErrorCode,
  type VeeamConfigErrorCode,
  type VeeamLinkErrorCode,
  type VeeamPaginationErrorCode,
  type VeeamRequestErrorCode,
  type VeeamResponseErrorCode,
} from './errors.js';
export { parseRetryAfter, type RetryOptions } from './retry-after.js';
export { Secret } from './secret.js';
export type { TlsOptions, FetchLike } from './tls.js';
export type { LogEvent, Logger } from './logger.js';
export type { Format } from './media.js';
export type { OperationTable, SpecInfo } from './table.js';
export type {
  ApiSpec,
  DeadLinkSpec,
  HttpMethod,
  OffsetLimitPagination,
  OperationSpec,
  PagePagination,
  PaginationSpec,
  RepresentationsSpec,
  ResponseSpec,
  ServerOverride,
} from './operation-spec.js';
export { resolveServerUrl } from './server-url.js';
export { decodeXml, XmlDecodeError, type DecodeXmlOptions, type XmlDecodeErrorCode } from './xml/index.js';
export type { XmlMapping, XmlPropMapping, XmlSchemaMapping, XmlValueType } from './xml/index.js';
export type * from './types.js';
