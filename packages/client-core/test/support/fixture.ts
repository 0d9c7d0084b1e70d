// A tiny hand-written product (types in openapi-typescript's shape plus an operation table) so the
// runtime can be tested without depending on any real spec.
import { createVeeamClient, type BaseClientOptions, type AuthFactory, type ProductConfig } from '../../src/index.js';
import { mapping } from '../xml/mapping.fixture.js';

type Item = { id: string; name: string };
type ErrorBody = { message: string; errorCode?: string };
type Json<T> = { content: { 'application/json': T } };
type Err = { headers: { [name: string]: unknown }; content: { 'application/json': ErrorBody } };

/** Operations of the fixture product, keyed by operationId. */
export interface operations {
  getItem: {
    parameters: { query?: { format?: string }; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown } } & Json<Item>; 404: Err };
  };
  listItems: {
    parameters: { query?: { Offset?: number; Limit?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown } } & Json<{ offset: number; limit: number; totalCount: number; results: Item[] }> };
  };
  listPages: {
    parameters: { query?: { page?: number; pageSize?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown } } & Json<{ PagingInfo: { PageNum: number; PageSize: number; PagesCount: number } | null; Refs: { Refs: Item[] | null } }>;
    };
  };
  stopItem: {
    parameters: { query: { action: 'stop' }; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 202: { headers: { [name: string]: unknown } } & Json<{ state: string }>; 404: Err };
  };
  createItem: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': { name: string } } };
    responses: { 201: { headers: { [name: string]: unknown } } & Json<Item> };
  };
  getItemLog: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown } } & Json<string[]> };
  };
  deleteTask: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
  };
  getSession: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/xml': { UID: string; Tags: string[] } } } };
  };
}

/** Paths of the fixture product. */
export interface paths {
  '/Items/{id}': { parameters: {}; get: operations['getItem']; post: operations['stopItem'] };
  '/Items': { parameters: {}; get: operations['listItems']; post: operations['createItem'] };
  '/query': { parameters: {}; get: operations['listPages'] };
  '/Items/{id}/LogItems': { parameters: {}; get: operations['getItemLog'] };
  '/Sessions/{id}': { parameters: {}; get: operations['getSession'] };
  '/Tasks/{id}': { parameters: {}; delete: operations['deleteTask'] };
}

const none = { pathParams: [], queryParams: [], requestMediaTypes: [], security: ['auth'], representations: null, pagination: null } as const;

/** The fixture's operation table, shaped like a generated operations.gen.ts. */
export const table = {
  getItem: { ...none, method: 'get', path: '/Items/{id}', pathParams: ['id'], responses: { '200': { 'application/json': ['Item'] } } },
  listItems: {
    ...none,
    method: 'get',
    path: '/Items',
    responses: { '200': { 'application/json': ['ItemPage'] } },
    pagination: { style: 'offset-limit', offset: 'Offset', limit: 'Limit', items: 'results', total: 'totalCount' },
  },
  listPages: {
    ...none,
    method: 'get',
    path: '/query',
    responses: { '200': { 'application/json': ['QueryResult'] } },
    pagination: { style: 'page', page: 'page', pageSize: 'pageSize', pagingInfo: 'PagingInfo', items: 'Refs.Refs' },
  },
  stopItem: { ...none, method: 'post', path: '/Items/{id}', pathParams: ['id'], queryParams: ['action'], responses: { '202': { 'application/json': ['Task'] } } },
  createItem: { ...none, method: 'post', path: '/Items', requestMediaTypes: ['application/json'], responses: { '201': { 'application/json': ['Item'] } } },
  getItemLog: { ...none, method: 'get', path: '/Items/{id}/LogItems', pathParams: ['id'], responses: { '200': { 'application/json': [] } } },
  deleteTask: { ...none, method: 'delete', path: '/Tasks/{id}', pathParams: ['id'], responses: { '204': {} } },
  getSession: { ...none, method: 'get', path: '/Sessions/{id}', pathParams: ['id'], responses: { '200': { 'application/xml': ['Session'] } } },
} as const satisfies ProductConfig['operations'];

/** Spec facts of the fixture: base path /v1, case-insensitive, one dead link. */
export const spec = {
  product: 'fixture',
  basePath: '/v1',
  caseInsensitivePaths: true,
  deadLinks: [{ template: '/items/{id}/log', rel: 'log', reason: 'the server serves the log at /Items/{id}/LogItems', source: 'https://example.com/evidence' }],
} as const;

/** Creates a fixture client against `origin` (base path /v1). */
export function fixtureClient(origin: string, options: Partial<BaseClientOptions> = {}, auth?: AuthFactory) {
  return createVeeamClient<paths, operations, typeof table>({ baseUrl: `${origin}/v1`, ...options }, { spec, operations: table, auth });
}

/** A fixture client reading XML by default, decoded with the decoder tests' mapping (`getSession`: `<Session>`). */
export function xmlFixtureClient(origin: string, options: Partial<BaseClientOptions> = {}, auth?: AuthFactory) {
  return createVeeamClient<paths, operations, typeof table>({ baseUrl: `${origin}/v1`, ...options }, { spec, operations: table, auth, xmlMapping: mapping, format: 'xml' });
}
