// A small OpenAPI 3.1 API ("widgets") shaped like ours: closed schemas, shared components, a path-level
// parameter, a request body and an enum. classify tests mutate it in memory; the CLI tests write it as
// a multi-file spec into a scratch git repo.

/** The bundled form (what Redocly produces from the files below). */
export function widgetsDoc(): Record<string, any> {
  return {
    openapi: '3.1.0',
    info: { title: 'Widgets', version: '1' },
    servers: [{ url: 'https://widgets.example.com/api' }],
    security: [],
    paths: {
      '/widgets': {
        get: {
          operationId: 'listWidgets',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: { '200': { description: 'All widgets.', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } } } } },
        },
        post: {
          operationId: 'createWidget',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewWidget' } } } },
          responses: { '201': { description: 'Created.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } } },
        },
      },
      '/widgets/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getWidget',
          responses: {
            '200': { description: 'One widget.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } },
            '404': { description: 'No such widget.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Widget: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'name', 'state'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string', description: 'Display name.' },
            state: { $ref: '#/components/schemas/State' },
            size: { type: 'integer' },
          },
        },
        State: { type: 'string', enum: ['Idle', 'Running'] },
        NewWidget: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { type: 'string' }, size: { type: 'integer' } },
        },
        Error: { type: 'object', additionalProperties: false, required: ['message'], properties: { message: { type: 'string' } } },
      },
    },
  };
}

/**
 * The same API as files: `specs/widgets/openapi.json` with the schemas in `components/<Name>.json`
 * (relative refs, as our specs are split), plus a redocly.yaml registering it as `widgets@v1`.
 */
export function widgetsFiles(doc = widgetsDoc()): Record<string, string> {
  const files: Record<string, string> = {
    'redocly.yaml': 'apis:\n  widgets@v1:\n    root: specs/widgets/openapi.json\n',
  };
  const relink = (node: unknown, fromComponents: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => relink(n, fromComponents));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${fromComponents ? '.' : './components'}/${v.slice('#/components/schemas/'.length)}.json`
        : relink(v, fromComponents);
    }
    return out;
  };
  const { components, ...root } = doc;
  files['specs/widgets/openapi.json'] = JSON.stringify(relink(root, false), null, 2);
  for (const [name, schema] of Object.entries<Record<string, unknown>>(components.schemas)) {
    files[`specs/widgets/components/${name}.json`] = JSON.stringify(relink(schema, true), null, 2);
  }
  return files;
}
