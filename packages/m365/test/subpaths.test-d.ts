// The package's entry points as a user imports them (`@veeam-rest/m365`, `/v3`, `/v8`): resolved
// through package.json `exports` to the built declarations (turbo builds the package before its tests).
import { describe, expectTypeOf, it } from 'vitest';
import * as root from '@veeam-rest/m365';
import * as v3 from '@veeam-rest/m365/v3';
import * as cur from '@veeam-rest/m365/v8';
import type { M365Client, M365ClientOptions, Schema } from '@veeam-rest/m365/v3';

describe('@veeam-rest/m365 subpath exports', () => {
  it('the package root is the v3 entry point: same client, options and types', () => {
    expectTypeOf(root.createClient).toEqualTypeOf(v3.createClient);
    expectTypeOf<root.M365ClientOptions>().toEqualTypeOf<M365ClientOptions>();
    expectTypeOf<root.paths>().toEqualTypeOf<v3.paths>();
    expectTypeOf<root.Schema<'JobSession'>>().toEqualTypeOf<Schema<'JobSession'>>();
    expectTypeOf(root.spec).toEqualTypeOf(v3.spec);
  });

  it('the v3 entry point is typed by the v3 spec', () => {
    const vb = v3.createClient({ baseUrl: 'http://127.0.0.1:1/v3', auth: { username: 'u', password: 'p' } });
    expectTypeOf(vb).toEqualTypeOf<M365Client>();
    expectTypeOf(v3.spec.version).toEqualTypeOf<'v3'>();
    expectTypeOf(v3.spec.basePath).toEqualTypeOf<'/v3'>();
    // @ts-expect-error the v3 spec has no /Organizations
    void vb.GET('/Organizations');
  });

  it('the v8 entry point resolves to the v8 declarations, not the root', () => {
    const vb = cur.createClient({ baseUrl: 'http://127.0.0.1:1/v8', auth: { username: 'u', password: 'p' } });
    expectTypeOf(vb).toEqualTypeOf<cur.M365Client>();
    expectTypeOf(cur.spec.version).toEqualTypeOf<'v8'>();
    expectTypeOf(cur.spec.basePath).toEqualTypeOf<'/v8'>();
    expectTypeOf<cur.paths>().not.toEqualTypeOf<root.paths>();
    expectTypeOf<cur.M365ClientOptions>().toEqualTypeOf<root.M365ClientOptions>();
  });

  it('exports only the package root and the version entry points', () => {
    // Each line fails to compile when the subpath resolves (the directive is then unused).
    // @ts-expect-error no such API version
    type NoV99 = typeof import('@veeam-rest/m365/v99');
    // @ts-expect-error internal module, not an entry point
    type NoClient = typeof import('@veeam-rest/m365/client');
  });
});
