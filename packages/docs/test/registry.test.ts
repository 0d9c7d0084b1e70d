import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocsError } from '../src/errors.js';
import { readRegistry } from '../src/registry.js';

function registry(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'veeam-docs-registry-'));
  writeFileSync(path.join(dir, 'redocly.yaml'), text);
  return dir;
}

describe('readRegistry', () => {
  it('lists the APIs in file order with slug, version and absolute root', () => {
    const dir = registry('apis:\n  b-api@v2:\n    root: specs/b/openapi.yaml\n  a@v10:\n    root: ./a.yaml\n');
    expect(readRegistry(dir)).toEqual([
      { alias: 'b-api@v2', slug: 'b-api', version: 'v2', root: path.join(dir, 'specs/b/openapi.yaml') },
      { alias: 'a@v10', slug: 'a', version: 'v10', root: path.join(dir, 'a.yaml') },
    ]);
  });

  it('reads the repository registry (every API has a slug and version)', () => {
    const apis = readRegistry(path.resolve(import.meta.dirname, '../../..'));
    expect(apis.length).toBeGreaterThan(0);
    for (const api of apis) expect(api.alias).toBe(`${api.slug}@${api.version}`);
  });

  it.each([
    ['no apis map', 'extends: [recommended]\n', /redocly\.yaml#\/apis: expected a map/],
    ['an alias without a version', 'apis:\n  m365:\n    root: a.yaml\n', /#\/apis\/m365: expected an alias like "m365@v3"/],
    ['a missing root', 'apis:\n  m365@v3:\n    x-openapi-ts: {}\n', /#\/apis\/m365@v3\/root: expected the path of the spec's root file, got undefined/],
    ['invalid YAML', 'apis: [\n', /redocly\.yaml: invalid YAML/],
  ])('rejects %s with the file and JSON pointer', (_name, text, message) => {
    const dir = registry(text);
    expect(() => readRegistry(dir)).toThrow(DocsError);
    expect(() => readRegistry(dir)).toThrow(message);
    expect(() => readRegistry(dir)).toThrow(path.join(dir, 'redocly.yaml'));
  });

  it('names the missing registry file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'veeam-docs-registry-'));
    expect(() => readRegistry(dir)).toThrow(`${path.join(dir, 'redocly.yaml')}: not found`);
  });
});
