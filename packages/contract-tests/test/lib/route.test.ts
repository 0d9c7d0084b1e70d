// Picking the API of a URL (ApiRouter) and of a recording's folder (scopeFromPath), without any spec.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiServers } from '@veeam-rest/spec-registry/lite';
import { scopeFromPath } from '../../src/recordings/scope.js';
import { ApiRouter, urlSegments } from '../../src/spec/route.js';
import type { ApiInfo } from '../../src/spec/source.js';

const api = (alias: string): ApiInfo => ({ alias, product: alias.split('@')[0]!, version: alias.split('@')[1]! });
const APIS = ['enterprise-manager@v1', 'm365@v3', 'm365@v8', 'azure@v2', 'azure@v8.1'].map(api);
const token = { path: '/oauth2/token', servers: ['https://{host}/api'] };
const SERVERS: Record<string, ApiServers> = {
  'enterprise-manager@v1': { servers: ['https://{host}:9398/api', 'http://{host}:9399/api'], overrides: [] },
  'm365@v3': { servers: ['https://{host}:4443/v3'], overrides: [] },
  'm365@v8': { servers: ['https://{host}:4443/v8'], overrides: [] },
  'azure@v2': { servers: ['https://{host}/api/v2'], overrides: [token] },
  'azure@v8.1': { servers: ['https://{host}/api/v8.1'], overrides: [token, { path: '/things/{id}', method: 'delete', servers: ['https://{host}/legacy'] }] },
};
const router = new ApiRouter(APIS, (a) => SERVERS[a]);
const ALL = APIS.map((a) => a.alias);

describe('ApiRouter.pick: the longest base path, case-insensitive', () => {
  it.each<[string, string, string[], string | undefined]>([
    ['GET', 'https://em:9398/api/backupSessions?format=Entity', ALL, 'enterprise-manager@v1'],
    ['GET', '/API/backupSessions', ALL, 'enterprise-manager@v1'],
    ['GET', 'https://vb:4443/v3/Jobs', ALL, 'm365@v3'],
    ['GET', '/V8/jobs/1', ALL, 'm365@v8'],
    ['GET', '/v8', ALL, 'm365@v8'],
    ['GET', 'https://vba/api/v2/jobSessions', ALL, 'azure@v2'],
    ['GET', '/api/V8.1/jobSessions', ALL, 'azure@v8.1'],
    // The unversioned token endpoint: a route of its own (base + template) beats EM's /api; every
    // Azure version declares it, so the newest one takes it.
    ['POST', 'https://vba/api/oauth2/token', ALL, 'azure@v8.1'],
    ['POST', '/api/oauth2/token', ['enterprise-manager@v1', 'azure@v2'], 'azure@v2'],
    ['POST', '/api/oauth2/token', ['enterprise-manager@v1'], 'enterprise-manager@v1'],
    ['POST', '/api/oauth2/token/extra', ALL, 'enterprise-manager@v1'],
    // An operation-level override counts for its method only.
    ['DELETE', '/legacy/things/7', ALL, 'azure@v8.1'],
    ['GET', '/legacy/things/7', ALL, undefined],
    ['GET', '/v9/Jobs', ALL, undefined],
    ['GET', '/v3x/Jobs', ALL, undefined],
    ['GET', '/api/v2/jobSessions', ['m365@v3', 'm365@v8'], undefined],
  ])('%s %s among %j -> %s', (method, url, candidates, want) => {
    expect(router.pick(method, url, candidates)).toBe(want);
  });

  it('describes the base paths of candidates for messages', () => {
    expect(router.describe(['m365@v3', 'm365@v8'])).toBe('/v3 m365@v3, /v8 m365@v8');
  });

  it('an API added later (its servers known once loaded) is routed from then on', () => {
    const late = new ApiRouter([api('m365@v3'), api('m365@v8')], (a) => (a === 'm365@v3' ? SERVERS[a] : undefined));
    expect(late.pick('GET', '/v8/Jobs', ['m365@v3', 'm365@v8'])).toBeUndefined();
    late.add('m365@v8', SERVERS['m365@v8']!);
    expect(late.pick('GET', '/v8/Jobs', ['m365@v3', 'm365@v8'])).toBe('m365@v8');
  });

  it.each([
    ['https://h:1/a/B?x=/c#d', ['a', 'b']],
    ['/a//b/', ['a', 'b']],
    ['', []],
  ])('urlSegments(%j) = %j', (url, want) => {
    expect(urlSegments(url)).toEqual(want);
  });
});

describe('scopeFromPath: recordings/<product>/[<version>/]...', () => {
  const r = (...p: string[]) => path.join('/x', 'recordings', ...p);
  it.each([
    [r('m365', 'v8', 'listJobs', '200.json'), { product: 'm365', api: 'm365@v8' }],
    [r('azure', 'v8.1', 'getJob', '200.json'), { product: 'azure', api: 'azure@v8.1' }],
    [r('m365', 'listJobs', '200.json'), { product: 'm365' }],
    [r('m365', '200.json'), { product: 'm365' }],
    [r('m365', 'v9', 'listJobs', '200.json'), { product: 'm365', unknownVersion: 'm365@v9' }],
    [r('other', 'listJobs', '200.json'), {}],
    [path.join('/x', 'm365', 'recordings', 'azure', 'v2', 'a', '200.json'), { product: 'azure', api: 'azure@v2' }],
  ])('%s -> %j', (file, want) => {
    expect(scopeFromPath(file, APIS)).toEqual(want);
  });
});
