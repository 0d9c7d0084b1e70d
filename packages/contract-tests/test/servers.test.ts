// Operations with their own server (VB for Azure POST /api/oauth2/token outside /api/v2): the index knows
// both base paths, the validator matches a token response recorded at /api/oauth2/token, the mock
// answers only there, and operationBaseUrl rebases a base URL onto the override.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type SpecIndex } from '../src/index.js';
import type { Validator } from '../src/validate.js';
import { operationBaseUrl, servedAt } from '../src/spec/servers.js';

let validator: Validator;
let azure: SpecIndex;
beforeAll(async () => {
  validator = await createValidator();
  await validator.loadAll();
  azure = validator.indexes.get('azure')!;
});
afterAll(async () => {
  await validator?.close();
});

describe('azure spec index', () => {
  it('keeps the root base path apart from the token override', () => {
    expect(azure.rootBasePaths).toEqual(['api/v2']);
    expect(azure.basePaths).toEqual(['api/v2', 'api']);
    expect(azure.byId.get('createToken')!.serverBasePaths).toEqual(['api']);
    expect(azure.byId.get('listJobSessions')!.serverBasePaths).toBeUndefined();
  });

  it('operationBaseUrl rebases onto the override and leaves other operations alone', () => {
    expect(operationBaseUrl(azure, azure.byId.get('createToken')!, 'https://vba.example.com/api/v2')).toBe('https://vba.example.com/api');
    expect(operationBaseUrl(azure, azure.byId.get('createToken')!, 'https://proxy/vba/api/v2')).toBe('https://proxy/vba/api');
    expect(operationBaseUrl(azure, azure.byId.get('getJobSession')!, 'https://vba.example.com/api/v2')).toBe('https://vba.example.com/api/v2');
  });

  // [url, operationId, served there]
  it.each<[string, string, boolean]>([
    ['/api/oauth2/token', 'createToken', true],
    ['/API/oauth2/token', 'createToken', true],
    ['/api/v2/oauth2/token', 'createToken', false],
    ['/api/v2/jobSessions?Limit=1', 'listJobSessions', true],
    ['/api/jobSessions', 'listJobSessions', false],
  ])('servedAt %s (%s): %s', (url, id, want) => {
    expect(servedAt(azure, azure.byId.get(id)!, url)).toBe(want);
  });
});

describe('validator', () => {
  it('matches a token answer recorded at the unversioned /api/oauth2/token to createToken', async () => {
    const body = JSON.stringify({ access_token: 'a', token_type: 'bearer', refresh_token: 'r', expires_in: 3600, '.issued': '2022-03-16T08:11:50Z', '.expires': '2022-03-16T09:11:50Z' });
    const r = await validator.validate({ product: 'azure', method: 'POST', url: 'https://vba.example.com/api/oauth2/token', status: 200, contentType: 'application/json; charset=utf-8', body });
    expect(r).toMatchObject({ ok: true, operationId: 'createToken' });
  });
});
