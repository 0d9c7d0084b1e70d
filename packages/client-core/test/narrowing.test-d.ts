// Type-level x-veeam-representations on a small declared product: the query value of a call picks the
// 2xx schema exactly as the runtime picks the XML decoder's schema (media.ts xmlCandidates).
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiError, FormatOption, OperationTable, VeeamClient } from '../src/index.js';

interface schemas {
  Ref: { href: string; name: string };
  Full: { href: string; name: string; state: string };
  Summary: { href: string; count: number };
  Item: { id: string };
}
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T; 'application/xml': T } };

interface operations {
  getThing: {
    parameters: { query?: { view?: string }; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: Json<schemas['Ref'] | schemas['Full'] | schemas['Summary']>; 404: Json<{ message: string }> };
  };
  listThings: {
    parameters: { query?: { format?: 'Entity' | 'Reference' | null }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: { 200: Json<schemas['Ref'] | schemas['Full']> };
  };
  getItem: {
    parameters: { query?: { view?: string }; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: Json<schemas['Item']> };
  };
}
interface paths {
  '/things/{id}': { parameters: {}; get: operations['getThing'] };
  '/things': { parameters: {}; get: operations['listThings'] };
  '/items/{id}': { parameters: {}; get: operations['getItem'] };
}

const row = { pathParams: [], queryParams: [], requestMediaTypes: [], security: [], responses: {}, pagination: null } as const;
const table = {
  // `Reference` names the default schema: it selects the same representation as no value.
  getThing: {
    ...row,
    method: 'get',
    path: '/things/{id}',
    representations: { parameter: 'view', default: 'Ref', values: { Entity: 'Full', Reference: 'Ref', Summary: 'Summary' } },
  },
  listThings: { ...row, method: 'get', path: '/things', representations: { parameter: 'format', default: 'Ref', values: { Entity: 'Full' } } },
  getItem: { ...row, method: 'get', path: '/items/{id}', representations: null },
} as const satisfies OperationTable;

type Ref = schemas['Ref'];
type Full = schemas['Full'];
type All = Ref | Full | schemas['Summary'];

declare const client: VeeamClient<paths, operations, typeof table, FormatOption, schemas>;
declare const view: string;
declare const maybeEntity: 'Entity' | undefined;

describe('data narrows by the representation the query selects', () => {
  it('a literal value gives its schema, no value the default', async () => {
    const entity = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Entity' } } });
    expectTypeOf(entity.data).toEqualTypeOf<Full | undefined>();
    const summary = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Summary' } } });
    expectTypeOf(summary.data).toEqualTypeOf<schemas['Summary'] | undefined>();
    const plain = await client.GET('/things/{id}', { params: { path: { id: 'a' } } });
    expectTypeOf(plain.data).toEqualTypeOf<Ref | undefined>();
    const emptyQuery = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: {} } });
    expectTypeOf(emptyQuery.data).toEqualTypeOf<Ref | undefined>();
  });

  it('a value mapped to the default schema gives the default', async () => {
    const { data } = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Reference' } } });
    expectTypeOf(data).toEqualTypeOf<Ref | undefined>();
  });

  it('a non-literal value keeps the union; a union of literals gives the union of their schemas', async () => {
    const any = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view } } });
    expectTypeOf(any.data).toEqualTypeOf<All | undefined>();
    const either = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: maybeEntity } } });
    expectTypeOf(either.data).toEqualTypeOf<Full | Ref | undefined>();
  });

  it('a value the spec does not list keeps the union (the runtime then decodes against every candidate)', async () => {
    const { data } = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Unknown' } } });
    expectTypeOf(data).toEqualTypeOf<All | undefined>();
  });

  it('null selects the default, as at runtime; a call without an init too', async () => {
    const nulled = await client.GET('/things', { params: { query: { format: null } } });
    expectTypeOf(nulled.data).toEqualTypeOf<Ref | undefined>();
    const bare = await client.GET('/things');
    expectTypeOf(bare.data).toEqualTypeOf<Ref | undefined>();
    const entities = await client.GET('/things', { params: { query: { format: 'Entity' } } });
    expectTypeOf(entities.data).toEqualTypeOf<Full | undefined>();
  });

  it('the same for XML: format does not change the data type', async () => {
    const xml = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Entity' } }, format: 'xml' });
    expectTypeOf(xml.data).toEqualTypeOf<Full | undefined>();
    const json = await client.GET('/things/{id}', { params: { path: { id: 'a' } }, format: 'json' });
    expectTypeOf(json.data).toEqualTypeOf<Ref | undefined>();
  });

  it('leaves operations without representations, and the error, alone', async () => {
    const { data } = await client.GET('/items/{id}', { params: { path: { id: 'a' }, query: { view: 'Entity' } } });
    expectTypeOf(data).toEqualTypeOf<schemas['Item'] | undefined>();
    const thing = await client.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Entity' } } });
    expectTypeOf(thing.error).toEqualTypeOf<ApiError<{ message: string }> | undefined>();
  });

  it('without the schemas, or with a table without literal types, data stays the union', async () => {
    const bare = null as unknown as VeeamClient<paths, operations, typeof table, FormatOption>;
    const a = await bare.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Entity' } } });
    expectTypeOf(a.data).toEqualTypeOf<All | undefined>();
    const loose = null as unknown as VeeamClient<paths, operations, OperationTable, FormatOption, schemas>;
    const b = await loose.GET('/things/{id}', { params: { path: { id: 'a' }, query: { view: 'Entity' } } });
    expectTypeOf(b.data).toEqualTypeOf<All | undefined>();
  });

  it('follow() results keep every representation (the link, not the call, carries the query)', async () => {
    const result = await client.follow({ href: 'https://h/things/a' });
    if (result.operationId === 'getThing') expectTypeOf(result.data).toEqualTypeOf<All | undefined>();
  });

  it('still checks the query value against the spec', () => {
    // @ts-expect-error format takes 'Entity' | 'Reference' | null
    void client.GET('/things', { params: { query: { format: 'Entities' } } });
  });
});
