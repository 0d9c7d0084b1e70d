import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry, RegistryError, xsdTargetNamespace } from '../src/index.js';
import { MINIMAL, registryText, tempTree, VERSIONS } from './helpers.js';

describe('bundle', () => {
  it('bundles each version of a product on its own, externalValue examples inlined', async () => {
    const registry = await openRegistry({ rootDir: VERSIONS });
    const [v2, v10] = registry.select(['widgets']);
    const a = await registry.bundle(v2!);
    const b = await registry.bundle(v10!);
    expect(a.api).toBe(v2);
    expect(Object.keys(a.doc.paths ?? {})).toEqual(['/widgets/{id}']);
    expect(Object.keys(b.doc.paths ?? {})).toEqual(['/widgets']);
    expect(a.doc.servers?.[0]?.url).toBe('https://{host}/api/v2');
    const media = (a.doc.paths!['/widgets/{id}']!.get as any).responses['200'].content['application/json'];
    expect(media.examples.seed).toEqual({ value: { name: 'sprocket' } });
    expect(JSON.stringify(a.doc)).not.toContain('externalValue');
    expect(a.xsdFiles).toEqual([]);
  });

  it('finds the XSDs beside a spec, with their target namespace', async () => {
    const registry = await openRegistry({ rootDir: VERSIONS });
    const { xsdFiles } = await registry.bundle(registry.select(['gadgets@v1'])[0]!);
    expect(xsdFiles).toEqual([path.join(VERSIONS, 'specs/gadgets/xsd/gadgets.xsd')]);
    expect(xsdTargetNamespace(xsdFiles[0]!)).toBe('urn:example:gadgets');
  });
});

describe('bundle turns a broken spec into file:line:col errors', () => {
  const api = '  x@v1:\n    root: specs/x/openapi.yaml\n';
  const withPath = (pathItem: string) => `openapi: 3.1.0\ninfo: { title: X, version: '1' }\npaths:\n  /a:\n${pathItem}`;
  it.each([
    [
      'a $ref to a missing file',
      { 'specs/x/openapi.yaml': withPath("    get:\n      responses:\n        '200': { $ref: ./nope.yaml }\n") },
      [/^specs\/x\/openapi\.yaml:7:16: Can't resolve \$ref: ENOENT: no such file or directory '.*nope\.yaml' \(#\/paths\/~1a\/get\/responses\/200\)$/],
    ],
    [
      'a YAML syntax error in a referenced path file',
      { 'specs/x/openapi.yaml': withPath('    $ref: ./paths/a.yaml\n'), 'specs/x/paths/a.yaml': 'get:\n  responses: [\n' },
      [/^specs\/x\/paths\/a\.yaml:3:1: Failed to parse: deficient indentation/, /^specs\/x\/openapi\.yaml:5:5: Can't resolve \$ref: .* \(#\/paths\/~1a\)$/],
    ],
    ['a YAML syntax error in the root file', { 'specs/x/openapi.yaml': 'openapi: 3.1.0\ninfo: [\n' }, [/^specs\/x\/openapi\.yaml:3:1: invalid YAML: deficient indentation$/]],
    [
      'an example file that is not JSON (placed in the example, the spec position in the message)',
      {
        'specs/x/openapi.yaml': withPath("    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              examples:\n                seed: { externalValue: examples/a/200.json }\n"),
        'specs/x/examples/a/200.json': '{\n  "a": 1,\n  b: 2\n}\n',
      },
      [/^specs\/x\/examples\/a\/200\.json:3:3: invalid JSON example: .* \(referenced from specs\/x\/openapi\.yaml:12:40 #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/examples\/seed\/externalValue\)$/],
    ],
    [
      'an example file that does not exist',
      { 'specs/x/openapi.yaml': withPath("    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              examples:\n                seed: { externalValue: examples/a/404.json }\n") },
      [
        /^specs\/x\/openapi\.yaml:12:40: externalValue file not found: .*examples\/a\/404\.json \(#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/examples\/seed\/externalValue\)$/,
        // Redocly's own resolver reports the same file once more, at the Example Object.
        /^specs\/x\/openapi\.yaml:12:23: Can't resolve \$ref: ENOENT: .*404\.json' \(#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/examples\/seed\)$/,
      ],
    ],
    ['a root that is not OpenAPI', { 'specs/x/openapi.yaml': 'hello: world\n' }, [/^specs\/x\/openapi\.yaml:1:1: not an OpenAPI document \(no `openapi` field\)$/]],
    ['a root file that does not exist (reported at the registry entry)', {}, [/^redocly\.yaml:6:11: x@v1: root file specs\/x\/openapi\.yaml does not exist \(#\/apis\/x@v1\/root\)$/]],
  ])('%s', async (_name, files: Record<string, string>, lines: RegExp[]) => {
    const dir = tempTree({ 'redocly.yaml': registryText(api), ...files });
    const registry = await openRegistry({ rootDir: dir });
    const err = await registry.bundle(registry.apis[0]!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    const got = (err as Error).message.split('\n');
    expect(got).toHaveLength(lines.length);
    lines.forEach((re, i) => expect(got[i]).toMatch(re));
    expect((err as RegistryError).file).toMatch(/^\//); // the fields keep the absolute file
  });

  it('a broken version does not stop its sibling from bundling', async () => {
    const dir = tempTree({
      'redocly.yaml': registryText('  x@v1:\n    root: specs/x/v1/openapi.yaml\n  x@v2:\n    root: specs/x/v2/openapi.yaml\n'),
      'specs/x/v1/openapi.yaml': 'openapi: 3.1.0\ninfo: [\n',
      'specs/x/v2/openapi.yaml': MINIMAL,
    });
    const registry = await openRegistry({ rootDir: dir });
    await expect(registry.bundle(registry.apis[0]!)).rejects.toThrow(RegistryError);
    expect((await registry.bundle(registry.apis[1]!)).doc.openapi).toBe('3.1.0');
  });

  it('the error fields give file, position, pointer and detail of the first problem', async () => {
    const dir = tempTree({
      'redocly.yaml': registryText(api),
      'specs/x/openapi.yaml': withPath("    get:\n      responses:\n        '200': { $ref: ./nope.yaml }\n"),
    });
    const registry = await openRegistry({ rootDir: dir });
    const err = (await registry.bundle(registry.apis[0]!).catch((e: unknown) => e)) as RegistryError;
    expect(err.file).toBe(path.join(dir, 'specs/x/openapi.yaml'));
    expect(err.position).toBe('7:16');
    expect(err.pointer).toBe('#/paths/~1a/get/responses/200');
    expect(err.detail).toMatch(/^Can't resolve \$ref/);
    expect(readFileSync(err.file!, 'utf8').split('\n')[6]!.slice(15)).toMatch(/^\{ \$ref/);
  });
});
