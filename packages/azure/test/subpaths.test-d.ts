// The package's entry points as a user imports them (`@veeam-rest/azure`, `/v2`, `/v8.1`): resolved
// through package.json `exports` to the built declarations (turbo builds the package before its tests).
import { describe, expectTypeOf, it } from 'vitest';
import * as root from '@veeam-rest/azure';
import * as v2 from '@veeam-rest/azure/v2';
import * as cur from '@veeam-rest/azure/v8.1';
import type { AzureClient, AzureClientOptions, Schema } from '@veeam-rest/azure/v2';

describe('@veeam-rest/azure subpath exports', () => {
  it('the package root is the v2 entry point: same client, options and types', () => {
    expectTypeOf(root.createClient).toEqualTypeOf(v2.createClient);
    expectTypeOf<root.AzureClientOptions>().toEqualTypeOf<AzureClientOptions>();
    expectTypeOf<root.paths>().toEqualTypeOf<v2.paths>();
    expectTypeOf<root.Schema<'JobSession'>>().toEqualTypeOf<Schema<'JobSession'>>();
    expectTypeOf(root.spec).toEqualTypeOf(v2.spec);
  });

  it('the v2 entry point is typed by the v2 spec', () => {
    const vb = v2.createClient({ baseUrl: 'http://127.0.0.1:1/api/v2', auth: { username: 'u', password: 'p' } });
    expectTypeOf(vb).toEqualTypeOf<AzureClient>();
    expectTypeOf(v2.spec.version).toEqualTypeOf<'v2'>();
    expectTypeOf(v2.spec.basePath).toEqualTypeOf<'/api/v2'>();
    // @ts-expect-error the v2 spec has no /virtualMachines
    void vb.GET('/virtualMachines');
  });

  it('the v8.1 entry point resolves to the v8.1 declarations, not the root', () => {
    const vb = cur.createClient({ baseUrl: 'http://127.0.0.1:1/api/v8.1', auth: { username: 'u', password: 'p' } });
    expectTypeOf(vb).toEqualTypeOf<cur.AzureClient>();
    expectTypeOf(cur.spec.version).toEqualTypeOf<'v8.1'>();
    expectTypeOf(cur.spec.basePath).toEqualTypeOf<'/api/v8.1'>();
    expectTypeOf<cur.paths>().not.toEqualTypeOf<root.paths>();
    expectTypeOf<cur.AzureClientOptions>().toEqualTypeOf<root.AzureClientOptions>();
  });

  it('exports only the package root and the version entry points', () => {
    // Each line fails to compile when the subpath resolves (the directive is then unused).
    // @ts-expect-error no such API version
    type NoV99 = typeof import('@veeam-rest/azure/v99');
    // @ts-expect-error internal module, not an entry point
    type NoClient = typeof import('@veeam-rest/azure/client');
  });
});
