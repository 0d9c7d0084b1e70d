// What each kind of spec change means for users of the generated clients and of the contract checks.
// Table cases, [name, {mutate, want}], on the widgets fixture (closed schemas like ours).
import { describe, expect, it } from 'vitest';
import { classify, type Change } from '../src/classify.js';
import { typeMove } from '../src/audience.js';
import { widgetsDoc } from './fixture.js';

type Doc = Record<string, any>;
const S = (d: Doc) => d.components.schemas;
const OPS = (d: Doc) => d.paths;

/** The listed (non-docs) changes, as `clients/contract: text`. */
function lines(mutate: (d: Doc) => void): string[] {
  const after = widgetsDoc();
  mutate(after);
  return classify(widgetsDoc(), after)
    .filter((c: Change) => !(c.clients === 'annotation' && c.contract === 'annotation'))
    .map((c) => `${c.clients}/${c.contract}: ${c.usedBy ? `${c.where}: ${c.what}` : `${c.operation}: ${c.text}`}`);
}

describe.each<[string, { mutate: (d: Doc) => void; want: string[] }]>([
  ['no change', { mutate: () => {}, want: [] }],
  ['description only', { mutate: (d) => { S(d).Widget.properties.name.description = 'Another text.'; }, want: [] }],
  ['required response member removed', {
    mutate: (d) => { delete S(d).Widget.properties.name; S(d).Widget.required = ['id', 'state']; },
    want: ['breaking/non-breaking: schema Widget: member `$.name` became optional', 'breaking/breaking: schema Widget: member `$.name` removed'],
  }],
  ['optional response member added', {
    mutate: (d) => { S(d).Widget.properties.color = { type: 'string' }; },
    want: ['non-breaking/non-breaking: schema Widget: member `$.color` added'],
  }],
  ['required response member added', {
    mutate: (d) => { S(d).Widget.properties.color = { type: 'string' }; S(d).Widget.required.push('color'); },
    want: ['non-breaking/breaking: schema Widget: member `$.color` became required', 'non-breaking/non-breaking: schema Widget: member `$.color` added'],
  }],
  ['response enum value added', {
    mutate: (d) => { S(d).State.enum.push('Queued'); },
    want: ['breaking/non-breaking: schema State: `$` allows "Queued"'],
  }],
  ['response enum value removed', {
    mutate: (d) => { S(d).State.enum = ['Idle']; },
    want: ['non-breaking/breaking: schema State: `$` no longer allows "Running"'],
  }],
  ['response enum restriction added to a plain string', {
    mutate: (d) => { S(d).Widget.properties.name.enum = ['a', 'b']; },
    want: ['non-breaking/breaking: schema Widget: `$.name` restricted to 2 values: "a", "b"'],
  }],
  ['response member widened to nullable', {
    mutate: (d) => { S(d).Widget.properties.size.type = ['integer', 'null']; },
    want: ['breaking/non-breaking: schema Widget: type of `$.size` changed: "integer" -> ["integer","null"]'],
  }],
  ['response member type changed incompatibly', {
    mutate: (d) => { S(d).Widget.properties.size.type = 'string'; },
    want: ['breaking/breaking: schema Widget: type of `$.size` changed: "integer" -> "string"'],
  }],
  ['response member constrained', {
    mutate: (d) => { S(d).Widget.properties.name.maxLength = 10; },
    want: ['non-breaking/breaking: schema Widget: maxLength of `$.name` added (10)'],
  }],
  ['operation removed', {
    mutate: (d) => { delete OPS(d)['/widgets/{id}'].get; },
    want: ['breaking/breaking: GET /widgets/{id}: operation removed'],
  }],
  ['response status removed', {
    mutate: (d) => { delete OPS(d)['/widgets/{id}'].get.responses['404']; },
    want: ['breaking/breaking: GET /widgets/{id}: response 404: removed'],
  }],
  ['optional query parameter added', {
    mutate: (d) => { OPS(d)['/widgets'].get.parameters.push({ name: 'offset', in: 'query', schema: { type: 'integer' } }); },
    want: ['non-breaking/non-breaking: GET /widgets: query parameter `offset`: added (optional)'],
  }],
  ['new required query parameter', {
    mutate: (d) => { OPS(d)['/widgets'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } }); },
    want: ['breaking/breaking: GET /widgets: query parameter `tenant`: added (required)'],
  }],
  ['query parameter removed', {
    mutate: (d) => { OPS(d)['/widgets'].get.parameters = []; },
    want: ['breaking/breaking: GET /widgets: query parameter `limit`: removed'],
  }],
  ['new required request member', {
    mutate: (d) => { S(d).NewWidget.properties.owner = { type: 'string' }; S(d).NewWidget.required.push('owner'); },
    want: ['breaking/breaking: schema NewWidget: member `$.owner` became required', 'breaking/breaking: schema NewWidget: member `$.owner` added'],
  }],
  ['request member removed', {
    mutate: (d) => { delete S(d).NewWidget.properties.size; },
    want: ['breaking/breaking: schema NewWidget: member `$.size` removed'],
  }],
  ['request member widened to nullable', {
    mutate: (d) => { S(d).NewWidget.properties.size.type = ['integer', 'null']; },
    want: ['non-breaking/non-breaking: schema NewWidget: type of `$.size` changed: "integer" -> ["integer","null"]'],
  }],
])('%s', (_name, { mutate, want }) => {
  it('classifies for clients/contract', () => {
    expect(lines(mutate)).toEqual(want);
  });
});

describe('components used on both sides', () => {
  it('a change rated by the stronger side, listing the operations that use the component', () => {
    const after = widgetsDoc();
    // Widget becomes part of the request too: removing a member then breaks both directions.
    after.paths['/widgets'].post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Widget' };
    const before = structuredClone(after);
    delete after.components.schemas.Widget.properties.size;
    const [change] = classify(before, after);
    expect(change).toMatchObject({ where: 'schema Widget', what: 'member `$.size` removed', clients: 'breaking', contract: 'breaking' });
    expect(change!.usedBy).toEqual(['response of GET /widgets', 'response of POST /widgets', 'response of GET /widgets/{id}', 'request of POST /widgets']);
  });

  it('an inline schema change is reported under its operation, with its media type', () => {
    const after = widgetsDoc();
    after.paths['/widgets'].get.responses['200'].content['application/json'].schema.maxItems = 100;
    const [change] = classify(widgetsDoc(), after);
    expect(change).toMatchObject({ operation: 'GET /widgets', operationId: 'listWidgets', text: 'response 200 (application/json): maxItems of `$` added (100)', clients: 'non-breaking', contract: 'breaking' });
  });

  it('a response switched to another component is diffed by content under the operation', () => {
    const after = widgetsDoc();
    after.paths['/widgets/{id}'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Error' };
    const texts = classify(widgetsDoc(), after).filter((c) => c.clients === 'breaking').map((c) => c.text);
    expect(texts).toContain('response 200 (application/json): member `$.id` removed');
  });
});

describe('typeMove', () => {
  it.each([
    ['string', 'string', 'same'],
    ['integer', 'number', 'wider'],
    ['number', 'integer', 'narrower'],
    ['string', ['string', 'null'], 'wider'],
    [['string', 'null'], 'string', 'narrower'],
    ['string', 'integer', 'different'],
    [undefined, 'string', 'narrower'],
    ['string', undefined, 'wider'],
    [['null', 'string'], ['string', 'null'], 'same'],
  ] as const)('%j -> %j is %s', (before, after, want) => {
    expect(typeMove(before, after)).toBe(want);
  });
});

describe('refinements over the differ', () => {
  const rate = (mutate: (d: Doc) => void) => {
    const after = widgetsDoc();
    mutate(after);
    return classify(widgetsDoc(), after).map((c) => `${c.clients}/${c.contract}: ${c.usedBy ? `${c.where}: ${c.what}` : `${c.operation}: ${c.text}`}`);
  };

  it('closing a response schema breaks the contract checks only; opening it breaks nobody', () => {
    expect(rate((d) => { S(d).Error.additionalProperties = true; })).toEqual(['non-breaking/non-breaking: schema Error: additionalProperties of `$` changed: false -> true']);
    const open = widgetsDoc();
    open.components.schemas.Error.additionalProperties = true;
    const closed = widgetsDoc();
    expect(classify(open, closed).map((c) => `${c.clients}/${c.contract}`)).toEqual(['non-breaking/breaking']);
  });

  it('closing a request schema breaks clients and contract checks', () => {
    const open = widgetsDoc();
    delete open.components.schemas.NewWidget.additionalProperties;
    expect(classify(open, widgetsDoc()).map((c) => `${c.clients}/${c.contract}: ${c.what}`)).toEqual(['breaking/breaking: additionalProperties of `$` added (false)']);
  });

  it('examples and externalDocs changes are documentation, not "unclassified"', () => {
    const lines = rate((d) => {
      const op = OPS(d)['/widgets/{id}'].get;
      op.externalDocs = { url: 'https://example.com/widgets' };
      op.responses['200'].content['application/json'].examples = { one: { value: { id: 'w1', name: 'W', state: 'Idle' } } };
    });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^annotation\/annotation: /);
  });

  it('a parameter added before an existing one is named from the diff, not from a shifted index', () => {
    const after = widgetsDoc();
    after.paths['/widgets/{id}'].get.parameters = [{ name: 'fields', in: 'query', schema: { type: 'string' } }];
    // The path-level `id` now follows the operation's own `fields`: only `fields` is new.
    expect(classify(widgetsDoc(), after).map((c) => c.text)).toEqual(['query parameter `fields`: added (optional)']);
  });

  it('a parameter removed in front of another does not shift what the other is compared with', () => {
    const before = widgetsDoc();
    before.paths['/widgets'].get.parameters.unshift({ name: 'legacy', in: 'query', schema: { type: 'boolean' } });
    const after = widgetsDoc();
    after.paths['/widgets'].get.parameters[0].schema.type = ['integer', 'null'];
    after.paths['/widgets'].get.parameters.push({ name: 'cursor', in: 'query', schema: { type: 'string' } });
    // Unaligned, the differ's index of `limit` (1 before) read `cursor` after: "different", breaking.
    expect(classify(before, after).map((c) => `${c.clients}/${c.contract}: ${c.text}`)).toEqual([
      'breaking/breaking: query parameter `legacy`: removed',
      'non-breaking/non-breaking: query parameter `limit`: type of `$` changed: "integer" -> ["integer","null"]',
      'non-breaking/non-breaking: query parameter `cursor`: added (optional)',
    ]);
  });

  it('a first parameter is named, not reported as a new parameters list', () => {
    const after = widgetsDoc();
    after.paths['/widgets'].post.parameters = [{ name: 'dryRun', in: 'query', schema: { type: 'boolean' } }];
    expect(classify(widgetsDoc(), after).map((c) => `${c.clients}/${c.contract}: ${c.text}`)).toEqual(['non-breaking/non-breaking: query parameter `dryRun`: added (optional)']);
  });

  it('a oneOf variant is named by its component', () => {
    const before = widgetsDoc();
    before.paths['/widgets/{id}'].get.responses['200'].content['application/json'].schema = { oneOf: [{ $ref: '#/components/schemas/Widget' }] };
    const after = structuredClone(before);
    after.paths['/widgets/{id}'].get.responses['200'].content['application/json'].schema.oneOf.push({ $ref: '#/components/schemas/Error' });
    expect(classify(before, after).map((c) => `${c.clients}/${c.contract}: ${c.text}`)).toEqual(['breaking/non-breaking: response 200 (application/json): oneOf variant `Error` of `$` added']);
  });
});
