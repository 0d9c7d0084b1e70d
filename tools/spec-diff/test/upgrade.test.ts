// Upgrade guides: matching two API versions' operations and classifying their differences for users of
// the generated clients, on the widgets fixture (v1 = the fixture, v2 = a changed copy).
import { describe, expect, it } from 'vitest';
import { compareVersions, matchOperations, listOperations, renderGuide, type OperationDiff } from '../src/upgrade/index.js';
import { widgetsDoc } from './fixture.js';

type Doc = Record<string, any>;

/** v2 of the widgets API: the base URL moves to /api/v2, plus `mutate`. */
function v2(mutate: (d: Doc) => void = () => {}): Doc {
  const d = widgetsDoc();
  d.info.version = '2';
  d.servers = [{ url: 'https://widgets.example.com/api/v2' }];
  mutate(d);
  return d;
}

const S = (d: Doc) => d.components.schemas;
const op = (ops: OperationDiff[], id: string) => ops.find((o) => o.after.operationId === id)!;
const rows = (o: OperationDiff) => o.changes.map((c) => `${c.clients}: ${c.kind}: ${c.part ? `${c.part}: ` : ''}${c.change}`);

describe('matching operations of two versions', () => {
  it('by operationId, even when the path was renamed', () => {
    const after = v2((d) => {
      d.paths['/items/{widgetId}'] = d.paths['/widgets/{id}'];
      d.paths['/items/{widgetId}'].parameters[0].name = 'widgetId';
      delete d.paths['/widgets/{id}'];
    });
    const diff = compareVersions(widgetsDoc(), after);
    const get = op(diff.operations, 'getWidget');
    expect(get.by).toBe('operationId');
    expect(get.before.path).toBe('/widgets/{id}');
    expect(rows(get)).toEqual([
      'breaking: url: path: path `/widgets/{id}` -> `/items/{widgetId}`',
      'breaking: parameter: path parameter `id`: renamed to `widgetId`',
    ]);
    expect(diff.onlyBefore).toEqual([]);
    expect(diff.onlyAfter).toEqual([]);
  });

  it('by method + path template when the operationId changed (parameter names and letter case ignored)', () => {
    const after = v2((d) => {
      d.paths['/widgets'].post.operationId = 'addWidget';
      d.paths['/Widgets/{widgetId}'] = d.paths['/widgets/{id}'];
      d.paths['/Widgets/{widgetId}'].get.operationId = 'fetchWidget';
      d.paths['/Widgets/{widgetId}'].parameters[0].name = 'widgetId';
      delete d.paths['/widgets/{id}'];
    });
    const m = matchOperations(listOperations(widgetsDoc()), listOperations(after));
    expect(m.pairs.map((p) => `${p.by}: ${p.before.operationId} -> ${p.after.operationId}`)).toEqual([
      'operationId: listWidgets -> listWidgets',
      'method+path: createWidget -> addWidget',
      'method+path: getWidget -> fetchWidget',
    ]);
  });

  it('operations only in one version are listed, not matched', () => {
    const after = v2((d) => {
      delete d.paths['/widgets'].post;
      d.paths['/widgets/{id}'].delete = { operationId: 'deleteWidget', responses: { '204': { description: 'Deleted.' } } };
    });
    const diff = compareVersions(widgetsDoc(), after);
    expect(diff.onlyBefore.map((o) => o.operationId)).toEqual(['createWidget']);
    expect(diff.onlyAfter.map((o) => o.operationId)).toEqual(['deleteWidget']);
    expect(diff.operations.map((o) => o.after.operationId)).toEqual(['listWidgets', 'getWidget']);
  });

  it('an id taken by another method + path wins over a path match', () => {
    const after = v2((d) => {
      d.paths['/widgets'].get.operationId = 'getWidget';
      d.paths['/widgets/{id}'].get.operationId = 'listWidgets';
    });
    const m = matchOperations(listOperations(widgetsDoc()), listOperations(after));
    expect(m.pairs.map((p) => `${p.by}: ${p.before.method} ${p.before.path} -> ${p.after.method} ${p.after.path}`)).toEqual([
      'operationId: get /widgets/{id} -> get /widgets',
      'operationId: post /widgets -> post /widgets',
      'operationId: get /widgets -> get /widgets/{id}',
    ]);
  });
});

describe('classifying the differences for clients', () => {
  it('a removed response member is breaking; an added optional member is not', () => {
    const after = v2((d) => {
      delete S(d).Widget.properties.size;
      S(d).Widget.properties.color = { type: 'string' };
    });
    const get = op(compareVersions(widgetsDoc(), after).operations, 'getWidget');
    expect(rows(get)).toEqual([
      'breaking: response: response 200 (application/json): member `$.size` removed',
      'non-breaking: response: response 200 (application/json): member `$.color` added',
    ]);
  });

  it('every operation using a changed component lists the change (components are per version)', () => {
    const after = v2((d) => { S(d).Widget.required.push('size'); });
    const diff = compareVersions(widgetsDoc(), after);
    for (const id of ['listWidgets', 'createWidget', 'getWidget']) expect(rows(op(diff.operations, id)).join('\n')).toContain('member `$');
    expect(rows(op(diff.operations, 'getWidget'))).toEqual(['non-breaking: response: response 200 (application/json): member `$.size` became required']);
  });

  it('parameters, request body, status codes, enum values and nullability', () => {
    const after = v2((d) => {
      d.paths['/widgets'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } });
      S(d).NewWidget.properties.owner = { type: 'string' };
      S(d).NewWidget.required.push('owner');
      delete d.paths['/widgets/{id}'].get.responses['404'];
      S(d).State.enum.push('Queued');
      S(d).Widget.properties.name.type = ['string', 'null'];
    });
    const diff = compareVersions(widgetsDoc(), after);
    expect(rows(op(diff.operations, 'listWidgets'))).toEqual([
      'breaking: parameter: query parameter `tenant`: added (required)',
      'breaking: response: response 200 (application/json): `$[].name` became nullable ("string" -> ["string","null"])',
      'breaking: enum: response 200 (application/json): `$[].state` allows "Queued"',
    ]);
    expect(rows(op(diff.operations, 'createWidget'))).toEqual([
      'breaking: request: request body (application/json): member `$.owner` became required',
      'breaking: request: request body (application/json): member `$.owner` added',
      'breaking: response: response 201 (application/json): `$.name` became nullable ("string" -> ["string","null"])',
      'breaking: enum: response 201 (application/json): `$.state` allows "Queued"',
    ]);
    expect(rows(op(diff.operations, 'getWidget'))[0]).toBe('breaking: status: response 404: removed');
  });

  it('a parameter removed in front of another does not shift what the other is compared with', () => {
    const before = widgetsDoc();
    before.paths['/widgets'].get.parameters.unshift({ name: 'legacy', in: 'query', schema: { type: 'boolean' } });
    const after = v2((d) => {
      d.paths['/widgets'].get.parameters[0].schema.type = ['integer', 'null'];
      d.paths['/widgets'].get.parameters.push({ name: 'cursor', in: 'query', schema: { type: 'string' } });
    });
    expect(rows(op(compareVersions(before, after).operations, 'listWidgets'))).toEqual([
      'breaking: parameter: query parameter `legacy`: removed',
      'non-breaking: parameter: query parameter `limit`: `$` became nullable ("integer" -> ["integer","null"])',
      'non-breaking: parameter: query parameter `cursor`: added (optional)',
    ]);
  });

  it('a query parameter renamed in letter case is one rename; an own server is compared', () => {
    const before = widgetsDoc();
    before.paths['/widgets'].servers = [{ url: 'https://widgets.example.com/api' }];
    const after = v2((d) => {
      d.paths['/widgets'].get.parameters[0].name = 'Limit';
      d.paths['/widgets'].servers = [{ url: 'https://widgets.example.com/api' }];
    });
    const diff = compareVersions(before, after);
    expect(rows(op(diff.operations, 'listWidgets'))).toEqual([
      'non-breaking: url: server: own server kept: `GET /api/widgets` in both versions (outside the versioned base URL)',
      'breaking: parameter: query parameter `limit`: renamed to `Limit`',
    ]);
    expect(diff.servers).toEqual({ before: '/api', after: '/api/v2' });
  });

  it('documentation and examples are not differences', () => {
    const after = v2((d) => {
      S(d).Widget.properties.name.description = 'Another text.';
      d.paths['/widgets/{id}'].get.summary = 'Fetch one';
      d.paths['/widgets/{id}'].get['x-veeam-origin'] = 'seed';
    });
    expect(compareVersions(widgetsDoc(), after).operations.flatMap((o) => o.changes)).toEqual([]);
  });
});

describe('the rendered guide', () => {
  const meta = { from: 'widgets@v1', to: 'widgets@v2', file: 'docs/upgrade/widgets.md', preamble: '# Widgets v1 to v2\n\nSwitch the import.\n', preambleFile: 'guides/widgets.md' };
  const after = v2((d) => { delete S(d).Widget.properties.size; delete d.paths['/widgets'].post; });

  it('header, preamble, summary, one section per operation with a table, only-in lists; same bytes every time', () => {
    const text = renderGuide(meta, compareVersions(widgetsDoc(), after), { before: widgetsDoc(), after });
    expect(text.split('\n')[0]).toBe('<!-- generated, do not edit: `pnpm upgrade-guide` writes this file from the specs in redocly.yaml and guides/widgets.md -->');
    expect(text).toContain('# Widgets v1 to v2\n\nSwitch the import.\n');
    expect(text).toContain('2 operations in both versions (2 breaking changes), 0 only in v2, 1 only in v1.');
    expect(text).toContain('| [`GET /widgets/{id}`](#get-widgetsid-getwidget) | `getWidget` | 1 | 0 | 0 |');
    expect(text).toContain('### `GET /widgets/{id}` (getWidget)');
    expect(text).toContain('| request | `GET /api/widgets/{id}` | `GET /api/v2/widgets/{id}` |');
    expect(text).toContain('| status codes | 200, 404 | 200, 404 |');
    expect(text).toContain('| response member | response 200 (application/json) | member `$.size` removed | **breaking** |');
    expect(text).toContain('## Only in v1\n\n| operation | operationId | summary |\n|---|---|---|\n| `POST /widgets` | `createWidget` |  |');
    expect(renderGuide(meta, compareVersions(widgetsDoc(), after), { before: widgetsDoc(), after })).toBe(text);
  });
});
