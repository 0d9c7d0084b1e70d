import { openRegistry } from '@veeam-rest/spec-registry';
import { describe, expect, it } from 'vitest';
import { clientImport, isPackageRoot } from '../src/client-import.js';
import { repoRoot } from '../src/paths.js';
import { summarizeAuth } from '../src/auth-flows.js';
import { clientSnippet } from '../src/client-snippet.js';
import { listOperations, type OpenApiDoc } from '../src/openapi.js';

/** A JSON-only, OAuth 2.0 password-flow API (azure/m365-like), written inline. */
const tokenApi: OpenApiDoc = {
  openapi: '3.1.0',
  info: { title: 'Token API', version: '2' },
  servers: [{ url: 'https://{host}/api/v2', variables: { host: { default: 'az.example.com' } } }],
  security: [{ oauth: [] }],
  paths: {
    '/oauth2/token': { post: { operationId: 'createToken', requestBody: { content: { 'application/x-www-form-urlencoded': {} } }, responses: { '200': {} } } },
    '/jobSessions': {
      get: {
        operationId: 'listJobSessions',
        parameters: [{ $ref: '#/components/parameters/Limit' } as never],
        responses: { '200': { $ref: '#/components/responses/Ok' } as never },
      },
    },
  },
  components: {
    securitySchemes: { oauth: { type: 'oauth2', flows: { password: { tokenUrl: '/api/v2/oauth2/token' } } } },
    parameters: { Limit: { name: 'Limit', in: 'query', required: true } },
    responses: { Ok: { description: 'ok', content: { 'application/xml': {} } } },
  } as OpenApiDoc['components'],
};

describe('summarizeAuth', () => {
  it('finds the token operation from the OAuth 2.0 token URL even without a security override', () => {
    const auth = summarizeAuth(tokenApi);
    expect(auth.defaultSchemes).toEqual(['oauth']);
    expect(auth.schemes).toEqual([{ name: 'oauth', kind: 'OAuth 2.0 (password flow, token URL /api/v2/oauth2/token)' }]);
    expect(auth.entryOperations).toEqual([
      { method: 'POST', path: '/oauth2/token', operationId: 'createToken', security: ['oauth'], requestMediaTypes: ['application/x-www-form-urlencoded'], success: ['200'] },
    ]);
  });

  it('finds operations that override the default security (logon with Basic, token with none)', () => {
    const doc: OpenApiDoc = {
      ...tokenApi,
      paths: { '/sessionMngr/': { post: { operationId: 'createLogonSession', security: [{ basic: [] }], responses: { '201': { headers: { 'X-RestSvcSessionId': {} } } } } } },
      components: { securitySchemes: { oauth: { type: 'apiKey', in: 'header', name: 'X-RestSvcSessionId' }, basic: { type: 'http', scheme: 'basic' } } },
    };
    expect(summarizeAuth(doc).entryOperations).toMatchObject([{ operationId: 'createLogonSession', security: ['basic'], success: ['201 (X-RestSvcSessionId)'] }]);
  });
});

describe('listOperations', () => {
  it('resolves parameter refs', () => {
    expect(listOperations(tokenApi)[1]!.operation.parameters).toEqual([{ name: 'Limit', in: 'query', required: true }]);
  });
});

describe('clientSnippet', () => {
  it('uses the server default, the required query parameter, and offers XML when a referenced response is XML', () => {
    expect(clientSnippet('@veeam-rest/azure', tokenApi)).toBe(
      [
        "import { createClient } from '@veeam-rest/azure';",
        '',
        'const client = createClient({',
        "  baseUrl: 'https://az.example.com/api/v2',",
        '  auth: { username, password },',
        "  format: 'xml', // optional: XML on the wire, decoded into the same typed objects as JSON",
        '});',
        '',
        "const { data, error } = await client.GET('/jobSessions', { params: { query: { Limit: '<Limit>' } } });",
      ].join('\n'),
    );
  });

  it('has no format option for a JSON-only API', () => {
    const json = { ...tokenApi, components: { ...tokenApi.components, responses: { Ok: { content: { 'application/json': {} } } } } } as OpenApiDoc;
    expect(clientSnippet('@veeam-rest/azure', json)).not.toContain('format');
  });
});

describe('a token endpoint outside the base URL (VB for Azure: path-level servers override)', () => {
  const overridden: OpenApiDoc = {
    ...tokenApi,
    paths: {
      ...tokenApi.paths,
      '/oauth2/token': { servers: [{ url: 'https://{host}/api' }], ...(tokenApi.paths!['/oauth2/token'] as Record<string, unknown>) },
    },
  };

  it('summarizeAuth gives the full token URL from the override', () => {
    expect(summarizeAuth(overridden).entryOperations).toEqual([
      { method: 'POST', path: '/oauth2/token', url: 'https://{host}/api/oauth2/token', operationId: 'createToken', security: ['oauth'], requestMediaTypes: ['application/x-www-form-urlencoded'], success: ['200'] },
    ]);
  });

  it('an operation-level servers override wins over the path-level one', () => {
    const doc: OpenApiDoc = { ...tokenApi, paths: { '/t': { servers: [{ url: 'https://{host}/api' }], post: { operationId: 'createT', servers: [{ url: 'https://{host}/auth/' }], security: [], responses: {} } as never } } };
    expect(summarizeAuth(doc).entryOperations[0]!.url).toBe('https://{host}/auth/t');
  });

  it('the client snippet says where the tokens come from', () => {
    expect(clientSnippet('@veeam-rest/azure', overridden)).toContain('  // the client gets its tokens from POST https://{host}/api/oauth2/token, outside baseUrl: nothing to configure');
    expect(clientSnippet('@veeam-rest/azure', tokenApi)).not.toContain('gets its tokens');
  });
});

describe('clientImport', () => {
  it('imports a versioned package through its version subpath, a single-version one from its root', async () => {
    const registry = await openRegistry({ rootDir: repoRoot });
    const modules = Object.fromEntries(registry.apis.map((a) => [a.alias, clientImport(a)]));
    expect(modules).toMatchObject({
      'enterprise-manager@v1': '@veeam-rest/enterprise-manager',
      'm365@v3': '@veeam-rest/m365/v3',
      'm365@v8': '@veeam-rest/m365/v8',
      'azure@v2': '@veeam-rest/azure/v2',
      'azure@v8.1': '@veeam-rest/azure/v8.1',
    });
  });

  it('knows which version the package root is: the one src/index.ts re-exports, or the only one', async () => {
    const registry = await openRegistry({ rootDir: repoRoot });
    expect(Object.fromEntries(registry.apis.map((a) => [a.alias, isPackageRoot(a)]))).toEqual({
      'enterprise-manager@v1': true,
      'm365@v3': true,
      'm365@v8': false,
      'azure@v2': true,
      'azure@v8.1': false,
    });
    expect(isPackageRoot({ alias: 'demo@v2', product: 'demo', version: 'v2', rootFile: '/x/openapi.yaml', specDir: '/x' })).toBeUndefined();
  });

  it('falls back to the product name when the API has no generated package', () => {
    expect(clientImport({ alias: 'demo@v2', product: 'demo', version: 'v2', rootFile: '/x/openapi.yaml', specDir: '/x' })).toBe('@veeam-rest/demo');
  });
});
