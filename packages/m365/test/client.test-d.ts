import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type ApiError, type Schema } from '../src/index.js';

const vb = createClient({ baseUrl: 'http://127.0.0.1:1/v3', auth: { username: 'u', password: 'p' } });

describe('m365 types', () => {
  it('types the v3 bare-array job sessions and the JSON error', async () => {
    const { data, error } = await vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: 'x' } } });
    // Equal up to openapi-fetch's Readable<> wrapper: assignable both ways.
    expectTypeOf(data).toMatchTypeOf<Schema<'JobSession'>[] | undefined>();
    expectTypeOf<Schema<'JobSession'>[] | undefined>().toMatchTypeOf(data);
    expectTypeOf(error).toEqualTypeOf<ApiError<Schema<'Error'>> | undefined>();
  });

  it('rejects wrong params and unknown paths', () => {
    // @ts-expect-error the parameter is id
    void vb.GET('/Jobs/{id}/JobSessions', { params: { path: { jobId: 'x' } } });
    // @ts-expect-error VB365 documents /Jobs, the typed client keeps the documented spelling
    void vb.GET('/jobs/{id}', { params: { path: { id: 'x' } } });
    // @ts-expect-error no such path
    void vb.GET('/Tenants');
  });

  it('follow() narrows by operationId', async () => {
    const r = await vb.follow({ href: 'https://h/v3/jobsessions/x' });
    if (r.operationId === 'getJobSession') {
      expectTypeOf(r.data).toMatchTypeOf<Schema<'JobSession'> | undefined>();
      expectTypeOf<Schema<'JobSession'> | undefined>().toMatchTypeOf(r.data);
    }
  });

  it('rejects format (XML is enterprise-manager only) and every other unknown init key', () => {
    // @ts-expect-error format is an enterprise-manager option
    void vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: 'x' } }, format: 'xml' });
    // @ts-expect-error even format: 'json', the only media this API speaks
    void vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: 'x' } }, format: 'json' });
    // @ts-expect-error a misspelled option
    void vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: 'x' } }, timeOutMs: 10 });
    // @ts-expect-error parseAs: the client decodes the body itself
    void vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: 'x' } }, parseAs: 'text' });
    // @ts-expect-error follow takes call options only
    void vb.follow({ href: 'https://h/x' }, { format: 'xml' });
    void vb.GET('/Jobs/{id}/JobSessions', { params: { path: { id: 'x' } }, timeoutMs: 10, signal: AbortSignal.timeout(5), headers: { 'X-Trace': '1' }, redirect: 'error' });
  });
});
