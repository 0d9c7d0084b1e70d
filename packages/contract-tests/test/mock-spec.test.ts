// The mock against the real specs: every documented operation is routed, answers its documented
// success status, and what it serves (each media type, each EM representation) passes the validator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, resolveLocal, type ResponseInput, type SpecIndex } from '../src/index.js';
import type { Validator } from '../src/validate.js';
import { startMockServer } from '../src/mock/index.js';
import { successStatus, mediaTypesOf } from '../src/mock/examples.js';
import type { Product } from '../src/types.js';
import { operationBaseUrl } from '../src/spec/servers.js';

let validator: Validator;
beforeAll(async () => {
  validator = await createValidator();
  await validator.loadAll();
});
afterAll(async () => {
  await validator?.close();
});

const ID = '00000000-0000-4000-8000-000000000001';

function requestUrl(index: SpecIndex, op: SpecIndex['operations'][number], base: string, extra: Record<string, string> = {}): string {
  const path = op.path.replace(/\{[^}]+\}/g, ID);
  const query = new URLSearchParams();
  for (const raw of (op.operation.parameters ?? []) as unknown[]) {
    const p = resolveLocal(index.doc, raw) as { in: string; name: string; required?: boolean; example?: unknown; schema?: Record<string, any> };
    if (p.in !== 'query' || !p.required) continue;
    const s = (resolveLocal(index.doc, p.schema) ?? {}) as Record<string, any>;
    query.set(p.name, String(p.example ?? s.default ?? s.enum?.[0] ?? s.const ?? 'x'));
  }
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  const q = query.toString();
  return `${base}${path}${q ? `?${q}` : ''}`;
}

describe.each<Product>(['enterprise-manager', 'm365', 'azure'])('mock %s', (product) => {
  it('serves every documented operation with a body the validator accepts', async () => {
    const index = validator.indexes.get(product)!;
    const mock = await startMockServer({ product });
    const inputs: ResponseInput[] = [];
    const labels: string[] = [];
    try {
      // Log on through the product's flow.
      let auth: Record<string, string>;
      if (product === 'enterprise-manager') {
        const r = await fetch(`${mock.url}/sessionMngr/?v=latest`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('admin:password').toString('base64')}` } });
        auth = { 'x-restsvcsessionid': r.headers.get('x-restsvcsessionid')! };
      } else {
        // VB for Azure serves its token endpoint outside /api/v2 (path-level servers override): /api/oauth2/token.
        const tokenOp = index.byId.get('createToken')!;
        const r = await fetch(`${operationBaseUrl(index, tokenOp, mock.url)}${tokenOp.path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=admin&password=password' });
        auth = { authorization: `Bearer ${((await r.json()) as { access_token: string }).access_token}` };
      }
      const ops = index.operations.filter((op) => op.operationId !== 'deleteLogonSession');
      expect(ops.length).toBeGreaterThan(3);
      for (const op of ops) {
        const status = successStatus(op);
        const reps = op.representations ? [undefined, ...Object.keys(op.representations.values)] : [undefined];
        for (const rep of reps) {
          const url = requestUrl(index, op, operationBaseUrl(index, op, mock.url), rep && op.representations ? { [op.representations.parameter]: rep } : {});
          for (const accept of mediaTypesOf(op, status).length ? mediaTypesOf(op, status) : ['*/*']) {
            const headers: Record<string, string> = { ...auth, accept };
            let body: string | undefined;
            if (op.operationId === 'createLogonSession') headers.authorization = `Basic ${Buffer.from('admin:password').toString('base64')}`;
            if (op.operationId === 'createToken') {
              headers['content-type'] = 'application/x-www-form-urlencoded';
              body = 'grant_type=password&username=admin&password=password';
            }
            const res = await fetch(url, { method: op.method, headers, ...(body ? { body } : {}) });
            const text = await res.text();
            const label = `${op.operationId} ${op.method} ${url.slice(mock.origin.length)} (${accept})`;
            expect(res.status, `${label}: ${text.slice(0, 200)}`).toBe(status);
            inputs.push({ product, method: op.method, url, status: res.status, contentType: res.headers.get('content-type') ?? '', body: text });
            labels.push(label);
          }
        }
      }
    } finally {
      await mock.close();
    }
    const results = await validator.validateMany(inputs);
    const failures = results.map((r, k) => (r.ok ? undefined : `${labels[k]}: ${r.outcome} ${JSON.stringify(r.errors.slice(0, 2))}`)).filter(Boolean);
    expect(failures).toEqual([]);
  });
});
