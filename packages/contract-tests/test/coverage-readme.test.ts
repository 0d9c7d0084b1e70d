// The README's coverage table is the generated one (regenerate with `pnpm --filter
// @veeam-rest/contract-tests run coverage:readme`), and `check` reports the same genuine bodies per
// operation.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusCoverage, END, expectedReadme, START, withTable } from '../scripts/coverage-readme.js';
import { formatCoverageReadme, type CoverageRow } from '../src/report/coverage.js';
import { recordingsDir, runCli, tempDir } from './helpers.js';

const tmp = tempDir('coverage');
afterAll(() => tmp.cleanup());

describe('the README coverage table', () => {
  it('is up to date with the bundled recordings (else: pnpm --filter @veeam-rest/contract-tests run coverage:readme)', { timeout: 120_000 }, async () => {
    const { current, expected } = await expectedReadme();
    expect(current).toContain(START);
    expect(current).toContain(END);
    expect(current).toBe(expected);
  });

  it('changes when a genuine body goes (so the check above catches a stale table)', { timeout: 120_000 }, async () => {
    const copy = path.join(tmp.dir, 'recordings');
    cpSync(recordingsDir, copy, { recursive: true });
    const before = formatCoverageReadme(await corpusCoverage(copy));
    rmSync(path.join(copy, 'enterprise-manager', 'getJob', '200-entity-replica.xml'));
    rmSync(path.join(copy, 'enterprise-manager', 'getJob', '200-entity-replica.xml.meta.json'));
    const after = formatCoverageReadme(await corpusCoverage(copy));
    expect(after).not.toBe(before);
    expect(before).toMatch(/\| enterprise-manager@v1 \| getJob \| 5 \| [^|]*200-entity-replica[^|]* \| 0 \|/);
    expect(after).toMatch(/\| enterprise-manager@v1 \| getJob \| 4 \| (?![^|]*replica)[^|]* \| 0 \|/);
    expect(withTable(`a\n${START}\nold\n${END}\nb`, after)).toBe(`a\n${START}\n${after}\n${END}\nb`);
  });

  it('refuses a README without markers', () => {
    expect(() => withTable('no markers here', 'x')).toThrow(/markers missing/);
  });
});

describe('check reports genuine bodies per operation', () => {
  it('--format json: coverage[].byOperation equals the README table\'s source', { timeout: 120_000 }, async () => {
    const r = await runCli(['check', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { coverage: CoverageRow[] };
    const corpus = await corpusCoverage();
    // check reports the APIs it checked; the README lists every API of the registry.
    for (const row of doc.coverage) expect(row.byOperation).toEqual(corpus.find((c) => c.api === row.api)!.byOperation);
    const getJob = doc.coverage.find((c) => c.api === 'enterprise-manager@v1')!.byOperation.find((o) => o.operationId === 'getJob')!;
    expect(getJob).toMatchObject({ genuine: 5, seed: 0, bodies: 5 });
    const seeded = doc.coverage.find((c) => c.api === 'm365@v3')!.byOperation.find((o) => o.operationId === 'listJobSessionsForJob')!;
    expect(seeded).toMatchObject({ genuine: 1, seed: 1, bodies: 2, variants: ['200-captured'] });
  });

  it('text: a table of operations per API with genuine bodies and variants', { timeout: 120_000 }, async () => {
    const r = await runCli(['check', '--product', 'm365']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| operationId | genuine | variants | seed | other |');
    expect(r.stdout).toContain('| listJobSessionsForJob | 1 | 200-captured | 1 | 0 |');
    expect(r.stdout).toContain('| createToken | 0 | - | 0 | 0 |');
  });
});
