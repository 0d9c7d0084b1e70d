import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry, readServers, RegistryError, serverBasePath, serversOfDocument } from '../src/index.js';
import { registryText, REPO, tempTree } from './helpers.js';

describe('serverBasePath', () => {
  it.each([
    ['https://{host}:9398/api', 'api'],
    ['https://{host}/api/v2/', 'api/v2'],
    ['http://{host}:4443', ''],
    ['/relative/base', 'relative/base'],
  ])('%s -> %j', (url, want) => {
    expect(serverBasePath(url)).toBe(want);
  });
});

describe('readServers (source files, no bundling)', () => {
  it('reads the root servers and path- and operation-level overrides through path $refs', async () => {
    const dir = tempTree({
      'redocly.yaml': registryText('  x@v2:\n    root: specs/x/openapi.yaml\n'),
      'specs/x/openapi.yaml': [
        'openapi: 3.1.0',
        "info: { title: X, version: '2' }",
        'servers:',
        '  - url: https://{host}/api/v2',
        'paths:',
        '  /oauth2/token:',
        '    $ref: ./paths/oauth2_token.yaml',
        '  /jobs:',
        '    $ref: ./paths/all.yaml#/jobs',
        '  /inline:',
        '    get:',
        "      servers: [{ url: 'https://{host}/legacy' }]",
        '',
      ].join('\n'),
      'specs/x/paths/oauth2_token.yaml': 'servers:\n  - url: https://{host}/api\npost:\n  operationId: createToken\n',
      'specs/x/paths/all.yaml': 'jobs:\n  get:\n    operationId: listJobs\n',
    });
    const registry = await openRegistry({ rootDir: dir });
    expect(await readServers(registry.apis[0]!)).toEqual({
      servers: ['https://{host}/api/v2'],
      overrides: [
        { path: '/oauth2/token', servers: ['https://{host}/api'] },
        { path: '/inline', method: 'get', servers: ['https://{host}/legacy'] },
      ],
    });
  });

  it('agrees with the bundled document for every API of the repository', async () => {
    const registry = await openRegistry({ rootDir: REPO });
    for (const api of registry.apis) {
      const { doc } = await registry.bundle(api);
      expect(await readServers(api), api.alias).toEqual(serversOfDocument(doc));
    }
  });

  it('names the file and line of a path file that does not parse', async () => {
    const dir = tempTree({
      'redocly.yaml': registryText('  x@v2:\n    root: specs/x/openapi.yaml\n'),
      'specs/x/openapi.yaml': "openapi: 3.1.0\ninfo: { title: X, version: '2' }\npaths:\n  /a:\n    $ref: ./a.yaml\n",
      'specs/x/a.yaml': 'get:\n  responses: [\n',
    });
    const registry = await openRegistry({ rootDir: dir });
    const err = await readServers(registry.apis[0]!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).file).toBe(path.join(dir, 'specs/x/a.yaml'));
    expect((err as RegistryError).detail).toMatch(/^invalid YAML: [^(]+$/);
    expect((err as RegistryError).position).toMatch(/^\d+:\d+$/);
  });
});
