// The repository's committed packages/*/src/generated must equal a fresh generation: `pnpm test`
// (hence CI) fails on drift, naming each file.
import path from 'node:path';
import { expect, it } from 'vitest';
import { findDrift, generate } from '../src/index.js';
import { REPO } from './helpers.js';

it('committed generated files match the specs (run `pnpm generate` if this fails)', async () => {
  const outputs = await generate({ configPath: path.join(REPO, 'redocly.yaml') });
  expect(outputs.map((o) => o.api.product)).toStrictEqual(['azure', 'enterprise-manager', 'm365']);
  expect(findDrift(outputs, REPO).map((d) => `${d.kind}: ${d.file} (${d.hint})`)).toStrictEqual([]);
});
