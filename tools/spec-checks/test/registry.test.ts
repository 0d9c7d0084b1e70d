// The checks read the registry through @veeam-rest/spec-registry: a broken entry is one `load` finding at
// its line:column in redocly.yaml, for the bundle-based checks and the conformance check alike.
import { afterAll, describe, expect, it } from 'vitest';
import { formatFinding } from '../src/findings.js';
import { runChecks } from '../src/run.js';
import { cleanFixtures, fixtureCopy } from './helpers.js';

afterAll(cleanFixtures);

describe('a broken registry entry', () => {
  it.each([
    [['examples', 'links']],
    [['conformance']],
  ] as const)('fails %j as `load`, naming redocly.yaml:line:col and the pointer', async (only) => {
    const root = fixtureCopy({ 'redocly.yaml': (t) => t.replace('  m365@v3:\n', '  m365:\n') });
    const results = await runChecks(root, [...only]);
    expect(results.map((r) => r.name)).toEqual(['load']);
    expect(results[0]!.failures.map((f) => formatFinding(f, root))).toEqual([
      'redocly.yaml:9:3 (#/apis/m365): "m365": expected an alias like "m365@v3" (lowercase product slug @ version)',
    ]);
  });

  it('a root file that does not exist is named at its entry', async () => {
    const root = fixtureCopy({ 'redocly.yaml': (t) => t.replace('root: specs/m365/openapi.yaml', 'root: specs/m365/v3/openapi.yaml') });
    const [load] = await runChecks(root, ['examples']);
    expect(load!.failures.map((f) => formatFinding(f, root))).toEqual([
      'redocly.yaml:10:11 (#/apis/m365@v3/root): m365@v3: root file specs/m365/v3/openapi.yaml does not exist',
    ]);
  });
});
