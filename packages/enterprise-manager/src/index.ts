/**
 * Typed client of the Veeam Backup Enterprise Manager REST API (v1), JSON or XML.
 * @example
 * const em = createClient({ baseUrl: 'https://em.example.com:9398/api', auth: { username, password } });
 * const { data } = await em.GET('/backupSessions/{ID}', { params: { path: { ID } } });
 * await em.close();
 */
import {
  createVeeamClient,
  sessionAuth,
  type BaseClientOptions,
  type Credentials,
  type Format,
  type FormatOption,
  type VeeamClient,
} from '@veeam-rest/client-core';
import { operations as operationTable, spec } from './generated/operations.gen.js';
import type { components, operations, paths } from './generated/schema.gen.js';
import { xmlMapping } from './generated/xml.gen.js';

/** Options of {@link createClient}. */
export interface EnterpriseManagerClientOptions extends BaseClientOptions {
  /** EM user (e.g. `DOMAIN\\user`) and password; sent once per session with HTTP Basic. */
  auth: Credentials;
  /**
   * Response media of every call (per call: `format`). XML is decoded into the same typed objects as JSON.
   * @default 'json'
   */
  format?: Format;
}

/**
 * The Enterprise Manager client: openapi-fetch methods plus `paginate`, `follow` and `close`. On operations
 * with several representations (x-veeam-representations), `data` is the one the call's query selects:
 * `query: { format: 'Entity' }` gives the entity, no `format` the `EntityRef`.
 */
export type EnterpriseManagerClient = VeeamClient<paths, operations, typeof operationTable, FormatOption, components['schemas']>;

/**
 * Creates an Enterprise Manager client. It logs on lazily (`POST /sessionMngr/?v=latest`), sends
 * `X-RestSvcSessionId`, logs on again once after a 401, and logs off on `close()`.
 * @example
 * const em = createClient({ baseUrl: 'https://em.example.com:9398/api', auth: { username, password }, format: 'xml' });
 * for await (const ref of em.paginate('listQueryResults', { params: { query: { type: 'BackupJobSession' } } })) console.log(ref.Name);
 */
export function createClient(options: EnterpriseManagerClientOptions): EnterpriseManagerClient {
  const { auth, format, ...base } = options;
  if (format !== undefined && format !== 'json' && format !== 'xml') throw new TypeError(`format must be 'json' or 'xml', got ${JSON.stringify(format)}`);
  return createVeeamClient<paths, operations, typeof operationTable, FormatOption, components['schemas']>(base, {
    spec,
    operations: operationTable,
    xmlMapping,
    format: format ?? 'json',
    auth: sessionAuth({ ...auth, logonPath: `${operationTable.createLogonSession.path}?v=latest` }),
  });
}

/** A component schema of the EM spec by name, e.g. `Schema<'BackupJobSession'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
export type { components, operations, paths };
export { operationTable, spec };
export {
  VeeamAuthError,
  VeeamError,
  VeeamLinkError,
  VeeamPaginationError,
  VeeamRequestError,
  VeeamResponseError,
  XmlDecodeError,
  type ApiError,
  type LinkObject,
  type Logger,
  type RetryOptions,
  type TlsOptions,
} from '@veeam-rest/client-core';
