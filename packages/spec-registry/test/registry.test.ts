import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, openRegistry, RegistryError, requireRepoRoot } from '../src/index.js';
import { MINIMAL, PLUGIN, REPO, registryText, tempTree, VERSIONS } from './helpers.js';

describe('openRegistry on a registry with two versions of one product', () => {
  it('lists every API with alias, product, version, root, spec folder and output; products in file order, versions oldest first', async () => {
    const registry = await openRegistry({ rootDir: VERSIONS });
    expect(registry.rootDir).toBe(VERSIONS);
    expect(registry.configPath).toBe(path.join(VERSIONS, 'redocly.yaml'));
    expect(registry.apis).toEqual([
      {
        alias: 'widgets@v2',
        product: 'widgets',
        version: 'v2',
        rootFile: path.join(VERSIONS, 'specs/widgets/v2/openapi.yaml'),
        specDir: path.join(VERSIONS, 'specs/widgets/v2'),
        output: path.join(VERSIONS, 'out/widgets/src/generated/v2/schema.gen.ts'),
      },
      {
        alias: 'widgets@v10',
        product: 'widgets',
        version: 'v10',
        rootFile: path.join(VERSIONS, 'specs/widgets/v10/openapi.yaml'),
        specDir: path.join(VERSIONS, 'specs/widgets/v10'),
        output: path.join(VERSIONS, 'out/widgets/src/generated/v10/schema.gen.ts'),
      },
      { alias: 'gadgets@v1', product: 'gadgets', version: 'v1', rootFile: path.join(VERSIONS, 'specs/gadgets/openapi.yaml'), specDir: path.join(VERSIONS, 'specs/gadgets') },
    ]);
  });

  it.each([
    [[], ['widgets@v2', 'widgets@v10', 'gadgets@v1']],
    [['widgets'], ['widgets@v2', 'widgets@v10']],
    [['widgets@v10'], ['widgets@v10']],
    [['gadgets', 'widgets@v2'], ['widgets@v2', 'gadgets@v1']],
  ])('select(%j) picks %j in registry order', async (names, want) => {
    const registry = await openRegistry({ rootDir: VERSIONS });
    expect(registry.select(names).map((a) => a.alias)).toEqual(want);
  });

  it('select() names every unknown API and the known aliases', async () => {
    const registry = await openRegistry({ rootDir: VERSIONS });
    expect(() => registry.select(['widgets@v3', 'nope'])).toThrow(RegistryError);
    expect(() => registry.select(['widgets@v3', 'nope'])).toThrow('redocly.yaml: no API "widgets@v3", "nope" in the registry (known: widgets@v2, widgets@v10, gadgets@v1)');
  });

  it('takes the registry file by name or absolute path', async () => {
    const byName = await openRegistry({ rootDir: VERSIONS, configFile: 'redocly.yaml' });
    const byPath = await openRegistry({ configFile: path.join(VERSIONS, 'redocly.yaml') });
    expect(byPath.apis).toEqual(byName.apis);
  });

  it('reads the repository registry: every alias is product@version', async () => {
    const registry = await openRegistry({ rootDir: REPO });
    expect(registry.apis.length).toBeGreaterThanOrEqual(3);
    for (const api of registry.apis) {
      expect(api.alias).toBe(`${api.product}@${api.version}`);
      expect(api.rootFile.startsWith(api.specDir + path.sep)).toBe(true);
    }
  });
});

describe('openRegistry rejects a broken registry with file:line:col', () => {
  const entry = (alias: string, body: string) => `  ${alias}:\n${body}`;
  it.each([
    ['an alias without a version', entry('m365', '    root: a.yaml\n'), 'redocly.yaml:5:3: "m365": expected an alias like "m365@v3" (lowercase product slug @ version) (#/apis/m365)'],
    ['an upper-case product', entry('M365@v3', '    root: a.yaml\n'), 'redocly.yaml:5:3: "M365@v3": expected an alias like "m365@v3"'],
    ['a missing root', entry('m365@v3', '    x-openapi-ts: { output: out/a.ts }\n'), 'redocly.yaml:5:3: m365@v3: expected "root", the path of the spec\'s root file (#/apis/m365@v3/root)'],
    ['a root that is not a string', entry('m365@v3', '    root: [a.yaml]\n'), 'redocly.yaml:6:11: m365@v3: expected "root"'],
    ['an x-openapi-ts without output', entry('m365@v3', '    root: a.yaml\n    x-openapi-ts: { outptu: x.ts }\n'), 'redocly.yaml:7:19: m365@v3: expected "x-openapi-ts.output", the path of the generated schema file (#/apis/m365@v3/x-openapi-ts)'],
    [
      'two versions writing one folder',
      entry('m365@v3', '    root: a.yaml\n    x-openapi-ts: { output: gen/schema.gen.ts }\n') + entry('m365@v8', '    root: b.yaml\n    x-openapi-ts: { output: gen/schema.gen.ts }\n'),
      'redocly.yaml:10:29: m365@v8: writes to gen, the output folder of m365@v3 (#/apis/m365@v8/x-openapi-ts/output)',
    ],
  ])('%s', async (_name, apis, message) => {
    const dir = tempTree({ 'redocly.yaml': registryText(apis), 'a.yaml': MINIMAL, 'b.yaml': MINIMAL });
    const err = await openRegistry({ rootDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).message).toContain(message);
    expect((err as RegistryError).file).toBe(path.join(dir, 'redocly.yaml'));
  });

  it('reports every broken entry at once', async () => {
    const dir = tempTree({ 'redocly.yaml': registryText('  a:\n    root: a.yaml\n  b@v1: {}\n  c@v1:\n    root: a.yaml\n') });
    const err = (await openRegistry({ rootDir: dir }).catch((e: unknown) => e)) as RegistryError;
    expect(err.problems.map((p) => p.pointer)).toEqual(['#/apis/a', '#/apis/b@v1/root']);
    expect(err.message.split('\n')).toHaveLength(2);
  });

  it.each([
    ['no apis map', 'telemetry: off\n', /^redocly\.yaml:1:1: expected `apis`: a map of "<product>@<version>"/],
    ['invalid YAML', 'apis: [\n', /^redocly\.yaml:2:1: invalid YAML: /],
    ['a duplicated alias', 'apis:\n  a@v1:\n    root: a.yaml\n  a@v1:\n    root: b.yaml\n', /^redocly\.yaml:4:3: invalid YAML: duplicated mapping key$/],
    ['a plugin that does not exist', 'plugins:\n  - ./nope.cjs\napis:\n  a@v1:\n    root: a.yaml\n', /^redocly\.yaml: Plugin "\.\/nope\.cjs" not found/],
  ])('%s', async (_name, text, message) => {
    const dir = tempTree({ 'redocly.yaml': text });
    const err = await openRegistry({ rootDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(message);
  });

  it('names a missing registry file', async () => {
    const dir = tempTree({});
    await expect(openRegistry({ rootDir: dir })).rejects.toThrow(`${path.join(dir, 'redocly.yaml')}: not found (the API registry)`);
  });
});

describe('findRepoRoot', () => {
  it('walks up from a nested folder to the nearest redocly.yaml', () => {
    expect(findRepoRoot(path.join(VERSIONS, 'specs/widgets/v2/examples'))).toBe(VERSIONS);
    expect(findRepoRoot(path.join(VERSIONS, 'specs/widgets/v2/openapi.yaml'))).toBe(VERSIONS);
    expect(findRepoRoot(path.join(REPO, 'packages/spec-registry/src'))).toBe(path.resolve(REPO));
  });

  it('is undefined outside any checkout, and requireRepoRoot says where it looked', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spec-registry-none-'));
    mkdirSync(path.join(dir, 'a'));
    // os.tmpdir() has no redocly.yaml above it on a sane machine; the assertion below proves it.
    expect(findRepoRoot(path.join(dir, 'a'))).toBeUndefined();
    expect(() => requireRepoRoot(path.join(dir, 'a'))).toThrow(`no redocly.yaml (the API registry) in ${path.join(dir, 'a')} or any folder above it`);
  });

  it('is what openRegistry uses without a rootDir', async () => {
    const cwd = process.cwd();
    process.chdir(path.join(VERSIONS, 'specs'));
    try {
      expect((await openRegistry()).rootDir).toBe(VERSIONS);
    } finally {
      process.chdir(cwd);
    }
  });
});

