import { describe, expect, it } from 'vitest';
import { basePath, buildOperations, buildXmlMapping, candidates, openSetValues, SpecError } from '../src/index.js';
import type { OpenApiDoc, Schema } from '../src/openapi.js';
import { doc, yaml } from './helpers.js';

const NS = 'http://www.veeam.com/ent/v1.0';

describe.each<[string, { given: string | undefined; want: string }]>([
  ['https with variables and port', { given: 'https://{host}:9398/api', want: '/api' }],
  ['versioned path', { given: 'https://{host}:4443/v3', want: '/v3' }],
  ['two segments, trailing slash', { given: 'https://{host}/api/v2/', want: '/api/v2' }],
  ['relative server', { given: '/api', want: '/api' }],
  ['no servers', { given: undefined, want: '' }],
])('basePath: %s', (_name, { given, want }) => {
  it('is the path of the first server URL', () => expect(basePath(given)).toBe(want));
});

// [name, {given: one response schema, want: candidates}]
describe.each<[string, { given: Schema | undefined; want: string[] }]>([
  ['a $ref', { given: { $ref: '#/components/schemas/A' }, want: ['A'] }],
  ['oneOf of refs, spec order', { given: { oneOf: [{ $ref: '#/components/schemas/B' }, { $ref: '#/components/schemas/A' }] }, want: ['B', 'A'] }],
  ['array of a ref', { given: { type: 'array', items: { $ref: '#/components/schemas/A' } }, want: ['A[]'] }],
  ['inline schema', { given: { type: 'object' }, want: [] }],
  ['no schema', { given: undefined, want: [] }],
])('response candidates: %s', (_name, { given, want }) => {
  it('lists component names', () => {
    expect(candidates(doc({ schemas: { A: { type: 'object' }, B: { type: 'object' } } }), given)).toStrictEqual(want);
  });
});

// [name, {given: a paths object, want: the (partial) operation row}]
describe.each<[string, { given: string; want: Record<string, unknown> }]>([
  ['path-level parameters are merged, query params sorted', {
    given: `
/a/{ID}:
  parameters: [{name: ID, in: path, required: true, schema: {type: string}}, {name: z, in: query}]
  get: {operationId: getA, parameters: [{name: b, in: query}], responses: {'204': {description: none}}}`,
    want: { method: 'get', path: '/a/{ID}', pathParams: ['ID'], queryParams: ['b', 'z'], responses: { '204': {} } },
  }],
  ['operation security overrides root; [] is anonymous', {
    given: `
/token:
  post: {operationId: createToken, security: [], requestBody: {content: {application/x-www-form-urlencoded: {}, application/json: {}}}, responses: {'200': {description: ok}}}`,
    want: { security: [], requestMediaTypes: ['application/json', 'application/x-www-form-urlencoded'] },
  }],
  ['representations and pagination pass through, maps sorted, style first', {
    given: `
/q:
  get:
    operationId: listQ
    x-veeam-representations: {parameter: format, default: R, values: {Z: Y, A: X}}
    x-veeam-pagination: {style: page, pageSize: s, page: p, pagingInfo: P, items: Refs.Refs}
    responses: {'200': {description: ok}}`,
    want: {
      representations: { parameter: 'format', default: 'R', values: { A: 'X', Z: 'Y' } },
      pagination: { style: 'page', items: 'Refs.Refs', page: 'p', pageSize: 's', pagingInfo: 'P' },
    },
  }],
  ['a path-level servers override is carried with its base path (VB for Azure token endpoint)', {
    given: `
/oauth2/token:
  servers: [{url: 'https://{host}/api'}]
  post: {operationId: createToken, security: [], responses: {'200': {description: ok}}}`,
    want: { path: '/oauth2/token', server: { url: 'https://{host}/api', basePath: '/api' } },
  }],
  ['an operation-level servers override wins over the path-level one', {
    given: `
/t:
  servers: [{url: 'https://{host}/api'}]
  post: {operationId: createT, servers: [{url: 'https://{host}/auth/'}], responses: {'200': {description: ok}}}`,
    want: { server: { url: 'https://{host}/auth/', basePath: '/auth' } },
  }],
])('operation table: %s', (_name, { given, want }) => {
  it('builds the row', () => {
    const d = doc({ paths: yaml(given) as OpenApiDoc['paths'], security: [{ root: [] }] });
    const rows = buildOperations(d, 'spec.yaml');
    const row = Object.values(rows)[0] as Record<string, unknown>;
    expect(row).toMatchObject(want);
    if (want.pagination !== undefined) expect(Object.keys(row.pagination as object)[0]).toBe('style');
  });
});

describe('operation table without overrides', () => {
  it('has no server key, so tables of APIs without overrides do not change', () => {
    const d = doc({ paths: yaml(`/a: {get: {operationId: getA, responses: {}}}`) as OpenApiDoc['paths'] });
    expect(Object.keys(buildOperations(d, 'spec.yaml').getA as object)).not.toContain('server');
  });
});

describe('operation table errors', () => {
  it('names the pointer of a servers override without a url', () => {
    const d = doc({ paths: yaml(`
/t:
  servers: []
  post: {operationId: createT, responses: {}}`) as OpenApiDoc['paths'] });
    expect(() => buildOperations(d, 'specs/x/openapi.yaml')).toThrowError(
      new SpecError(['specs/x/openapi.yaml #/paths/~1t/servers: expected a non-empty servers array whose first entry has a url']),
    );
  });

  it('names the pointer of a duplicate operationId', () => {
    const d = doc({ paths: yaml(`
/a: {get: {operationId: getA, responses: {}}}
/b: {get: {operationId: getA, responses: {}}}`) as OpenApiDoc['paths'] });
    expect(() => buildOperations(d, 'specs/x/openapi.yaml')).toThrowError(new SpecError(['specs/x/openapi.yaml #/paths/~1b/get: operationId "getA" is used twice']));
  });
});

// [name, {given: schemas, want: the prop mapping of property P of component S}]
describe.each<[string, { given: string; want: Record<string, unknown> }]>([
  ['attribute', { given: `P: {type: string, xml: {attribute: true}}`, want: { prop: 'P', kind: 'attribute', name: 'P', type: 'string', nullable: false, required: true } }],
  ['renamed nullable date element', { given: `P: {type: [string, 'null'], format: date-time, xml: {name: When}}`, want: { kind: 'element', name: 'When', type: 'date-time', nullable: true } }],
  ['wrapped array of refs: item named by the target xml.name', { given: `P: {type: array, xml: {wrapped: true}, items: {$ref: '#/components/schemas/Link'}}`, want: { name: 'P', type: 'array', wrapped: true, itemName: 'Link', itemType: 'object', ref: 'Link' } }],
  ['unwrapped array: item name repeats', { given: `P: {type: array, items: {$ref: '#/components/schemas/Ref'}}`, want: { name: 'Ref', wrapped: false, itemName: 'Ref', ref: 'Ref' } }],
  ['wrapped array of integers with item name', { given: `P: {type: array, xml: {name: Counts, wrapped: true}, items: {type: integer, xml: {name: Count}}}`, want: { name: 'Counts', itemName: 'Count', itemType: 'integer' } }],
  ['nullable object via oneOf keeps the property name', { given: `P: {oneOf: [{$ref: '#/components/schemas/Ref'}, {type: 'null'}]}`, want: { name: 'P', type: 'object', ref: 'Ref', nullable: true } }],
  ['string enum without type', { given: `P: {enum: [A, B]}`, want: { type: 'string' } }],
  ['x-veeam-text: the element text', { given: `P: {type: integer, xml: {x-veeam-text: true}}`, want: { prop: 'P', kind: 'text', type: 'integer' } }],
])('XML mapping: %s', (_name, { given, want }) => {
  it('maps the property', () => {
    const schemas = yaml(`
S: {type: object, xml: {name: S, namespace: '${NS}'}, required: [P], properties: {${given}}}
Link: {type: object, xml: {name: Link}, properties: {Href: {type: string, xml: {attribute: true}}}}
Ref: {type: object, xml: {name: Ref}, properties: {Href: {type: string, xml: {attribute: true}}}}`) as Record<string, Schema>;
    const mapping = buildXmlMapping(doc({ schemas }), 'spec.yaml') as { namespace: string; schemas: Record<string, { element?: string; props: object[] }> };
    expect(mapping.namespace).toBe(NS);
    expect(mapping.schemas.S?.element).toBe('S');
    expect(mapping.schemas.S?.props[0]).toMatchObject(want);
  });
});

describe.each<[string, { given: string; want: string }]>([
  ['object attribute', { given: `P: {$ref: '#/components/schemas/Ref', xml: {attribute: true}}`, want: '#/components/schemas/S/properties/P: XML attribute must be a simple value, not object' }],
  ['untyped property', { given: `P: {description: anything}`, want: '#/components/schemas/S/properties/P: cannot map type null to XML' }],
  ['text that is an object', { given: `P: {$ref: '#/components/schemas/Ref', xml: {x-veeam-text: true}}`, want: '#/components/schemas/S/properties/P: XML text content must be a simple value, not object' }],
  ['text next to a child element', { given: `P: {type: string, xml: {x-veeam-text: true}}, Q: {type: string}`, want: '#/components/schemas/S: a schema with an x-veeam-text property has no other child elements' }],
  ['array of arrays', { given: `P: {type: array, items: {type: array, items: {type: string}}}`, want: '#/components/schemas/S/properties/P/items: arrays of arrays have no XML form' }],
])('XML mapping error: %s', (_name, { given, want }) => {
  it('is a SpecError naming the pointer', () => {
    const schemas = yaml(`
S: {type: object, xml: {name: S, namespace: '${NS}'}, properties: {${given}}}
Ref: {type: object, properties: {Href: {type: string}}}`) as Record<string, Schema>;
    expect(() => buildXmlMapping(doc({ schemas }), 'spec.yaml')).toThrowError(want);
  });
});

describe('XML mapping of a spec without XML', () => {
  it('is empty', () => {
    const schemas = yaml(`A: {type: object, properties: {a: {type: string}}}`) as Record<string, Schema>;
    expect(buildXmlMapping(doc({ schemas }), 'spec.yaml')).toStrictEqual({ namespace: null, schemas: {} });
  });
});

// [name, {given: a schema, want: the known values of an open string set, or undefined}]
describe.each<[string, { given: Record<string, unknown>; want: string[] | undefined }]>([
  ['string + anyOf [enum, string]', { given: { type: 'string', anyOf: [{ enum: ['A', 'B'] }, { type: 'string' }] }, want: ['A', 'B'] }],
  ['nullable string', { given: { type: ['string', 'null'], anyOf: [{ enum: ['A'] }, { type: 'string' }] }, want: ['A'] }],
  ['closed enum', { given: { type: 'string', enum: ['A', 'B'] }, want: undefined }],
  ['second member restricted', { given: { type: 'string', anyOf: [{ enum: ['A'] }, { type: 'string', enum: ['B'] }] }, want: undefined }],
  ['non-string values', { given: { type: 'string', anyOf: [{ enum: [1, 2] }, { type: 'string' }] }, want: undefined }],
  ['three members', { given: { type: 'string', anyOf: [{ enum: ['A'] }, { type: 'string' }, { type: 'string' }] }, want: undefined }],
  ['not a string', { given: { type: 'integer', anyOf: [{ enum: ['A'] }, { type: 'string' }] }, want: undefined }],
])('open string set: %s', (_name, { given, want }) => {
  it('is recognised exactly', () => expect(openSetValues(given as never)).toStrictEqual(want));
});
