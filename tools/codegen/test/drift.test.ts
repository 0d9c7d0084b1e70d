// The repository's committed packages/*/src/generated must equal a fresh generation: `pnpm test`
// (hence CI) fails on drift, naming each file.
import path from 'node:path';
import { expect, it } from 'vitest';
import { openRegistry } from '@veeam-rest/spec-registry';
import { findDrift, generate } from '../src/index.js';
import { REPO } from './helpers.js';

it('committed generated files match the specs (run `pnpm generate` if this fails)', async () => {
  const outputs = await generate({ configPath: path.join(REPO, 'redocly.yaml') });
  const registry = await openRegistry({ rootDir: REPO });
  expect(outputs.map((o) => o.api.alias)).toStrictEqual(registry.apis.map((a) => a.alias));
  expect(outputs.map((o) => o.api.alias)).toEqual(expect.arrayContaining(['enterprise-manager@v1', 'm365@v3', 'azure@v2']));
  expect(findDrift(outputs, REPO).map((d) => `${d.kind}: ${d.file} (${d.hint})`)).toStrictEqual([]);
});
