// The entry points as Node resolves them for a user: package.json `exports` of the built package, in a
// real Node process (the package imports itself by name, as a dependent would).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs an ESM snippet with Node in the package folder and returns its JSON output. */
function node(code: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: packageDir, encoding: 'utf8' }));
}

describe('@veeam-rest/m365 entry points', () => {
  it('the root and /v3 are one module: the same createClient, the v3 spec', () => {
    const out = node(`
      const root = await import('@veeam-rest/m365');
      const v3 = await import('@veeam-rest/m365/v3');
      console.log(JSON.stringify({ same: root.createClient === v3.createClient, version: v3.spec.version, basePath: v3.spec.basePath, exports: Object.keys(v3).sort() }));
    `);
    expect(out).toEqual({
      same: true,
      version: 'v3',
      basePath: '/v3',
      exports: ['VeeamAuthError', 'VeeamConfigError', 'VeeamError', 'VeeamLinkError', 'VeeamPaginationError', 'VeeamRequestError', 'VeeamResponseError', 'createClient', 'operationTable', 'spec'],
    });
  });

  it('/v8 is its own module: another createClient, the v8 spec, the same exports', () => {
    const out = node(`
      const root = await import('@veeam-rest/m365');
      const cur = await import('@veeam-rest/m365/v8');
      console.log(JSON.stringify({ same: root.createClient === cur.createClient, version: cur.spec.version, basePath: cur.spec.basePath, exports: Object.keys(cur).sort(), rootExports: Object.keys(root).sort() }));
    `) as Record<string, unknown>;
    expect(out).toEqual({
      same: false,
      version: 'v8',
      basePath: '/v8',
      exports: ['VeeamAuthError', 'VeeamConfigError', 'VeeamError', 'VeeamLinkError', 'VeeamPaginationError', 'VeeamRequestError', 'VeeamResponseError', 'createClient', 'operationTable', 'spec'],
      rootExports: out.exports,
    });
  });

  it.each(['@veeam-rest/m365/v99', '@veeam-rest/m365/client', '@veeam-rest/m365/generated/v3/operations.gen.js'])('%s is not an entry point', (specifier) => {
    const out = node(`try { await import(${JSON.stringify(specifier)}); console.log('"resolved"'); } catch (e) { console.log(JSON.stringify(e.code)); }`);
    expect(out).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
