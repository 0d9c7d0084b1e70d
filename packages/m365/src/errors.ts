// The runtime's errors and option types, exported from every version's entry point.
export {
  VeeamAuthError,
  VeeamConfigError,
  VeeamError,
  VeeamLinkError,
  VeeamPaginationError,
  VeeamRequestError,
  VeeamResponseError,
  type ApiError,
  type LinkObject,
  type Logger,
  type RetryOptions,
  type TlsOptions,
} from '@veeam-rest/client-core';
