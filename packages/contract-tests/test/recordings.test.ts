// The bundled recordings: seeds are byte-for-byte copies of spec examples, every recording passes
// `check`, and mutated copies of each (schema-guided) fail with the expected error location.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type ContractValidator, type ResponseInput, type ValidationResult } from '../src/index.js';
import type { Validator } from '../src/validate.js';
import { loadInputs } from '../src/recordings/load.js';
import type { CheckItem } from '../src/recordings/item.js';
import { parseSidecar } from '../src/recordings/sidecar.js';
import { jsonMutations, rootSchema, xmlMutations, type Mutation, type MutationKind } from './mutate.js';
import { packageDir, recordingsDir, runCli } from './helpers.js';

const repoRoot = path.resolve(packageDir, '..', '..');
/** Genuine (non-seed) recordings bundled on December 4, 2026 (47): the corpus may grow, never shrink. */
const MIN_GENUINE_BODIES = 47;
/** The error kind each mutation must produce at the mutated place (JSON / XML). */
const EXPECTED_KIND: Record<MutationKind, { json: string; xml: string }> = {
  'enum-misspelled': { json: 'enum', xml: 'enum' },
  'required-removed': { json: 'required', xml: 'required' },
  'type-flipped': { json: 'type', xml: 'type' },
  'extra-property': { json: 'additional', xml: 'xml-unknown-element' },
  'wrong-namespace': { json: 'xml-namespace', xml: 'xml-namespace' },
};

function bodyFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = path.join(dir, n);
    return statSync(f).isDirectory() ? bodyFiles(f) : f.endsWith('.meta.json') ? [] : [f];
  });
}

describe('bundled recordings', () => {
  it('every seed recording is byte for byte a spec example (the spec copies the genuine body)', () => {
    const files = bodyFiles(recordingsDir);
    const examples = new Map(bodyFiles(path.join(repoRoot, 'specs')).filter((f) => f.includes(`${path.sep}examples${path.sep}`)).map((f) => [readFileSync(f).toString('base64'), f]));
    const seeds = files.filter((f) => parseSidecar(readFileSync(`${f}.meta.json`, 'utf8'), f).origin === 'seed');
    for (const f of seeds) expect(examples.has(readFileSync(f).toString('base64')), `${f} is no spec example`).toBe(true);
    // The three EM seed pages (both /backupSessions/{ID} representations) and the m365 seed are there.
    expect(seeds.map((f) => path.relative(recordingsDir, f)).sort()).toEqual([
      'enterprise-manager/getBackupSession/200-entity.xml',
      'enterprise-manager/getBackupSession/200.xml',
      'enterprise-manager/listAgentBackupSessions/200.xml',
      'enterprise-manager/listNasJobBackupSessions/200.xml',
      'm365/listJobSessionsForJob/200.json',
    ]);
  });

  it('the genuine corpus does not shrink, and every sidecar names a real source', () => {
    const files = bodyFiles(recordingsDir);
    const sidecars = files.map((f) => [f, parseSidecar(readFileSync(`${f}.meta.json`, 'utf8'), f)] as const);
    const genuine = sidecars.filter(([, s]) => s.origin !== 'seed');
    // A deletion must fail here; raise MIN_GENUINE_BODIES when adding recordings.
    expect(genuine.length).toBeGreaterThanOrEqual(MIN_GENUINE_BODIES);
    const located = /^(?:https:\/\/[^\s<>]+|github:[\w.-]+\/[\w.-]+\/[^\s<>@]+@[0-9a-f]{40})$/;
    const placeholder = /<[^>]*>|\bTODO\b|\bTBD\b|XXX|example\.(?:com|org)|\.\.\./i;
    const bad: string[] = [];
    for (const [f, s] of sidecars) {
      const rel = path.relative(recordingsDir, f);
      if (s.origin !== 'recorded' && (s.source === undefined || !located.test(s.source) || placeholder.test(s.source))) bad.push(`${rel}: source ${JSON.stringify(s.source)}`);
      if (s.via !== undefined && (!located.test(s.via) || placeholder.test(s.via))) bad.push(`${rel}: via ${JSON.stringify(s.via)}`);
      if (s.url.trim() === '' || placeholder.test(s.url)) bad.push(`${rel}: url ${JSON.stringify(s.url)}`);
    }
    expect(bad).toEqual([]);
  });

  it('every bundled recording passes check (exit 0)', { timeout: 60_000 }, async () => {
    const r = await runCli(['check']);
    expect(r.stdout).toMatch(/ 0 failed/);
    expect(r.code).toBe(0);
  });
});

describe('mutated recordings fail where the schema says', () => {
  let validator: ContractValidator & Validator;
  let items: CheckItem[];
  const planned: { item: CheckItem; m: Mutation }[] = [];
  let results: ValidationResult[] = [];

  beforeAll(async () => {
    validator = await createValidator();
    await validator.loadAll();
    const route = (r: Pick<ResponseInput, 'product' | 'api' | 'method' | 'url'>) => {
      const routed = validator.route(r);
      return 'api' in routed ? routed.api : undefined;
    };
    items = (await loadInputs([recordingsDir], { cwd: packageDir, apis: validator.apis, route })).items;
    for (const item of items) {
      const api = route(item)!;
      const match = validator.match(api, item.method, item.url)!;
      const entries = match.operation.content[String(item.status)] ?? [];
      const isXml = item.source.endsWith('.xml');
      const entry = entries.find((e) => (isXml ? e.mediaType.endsWith('xml') : e.mediaType.endsWith('json')))!;
      const index = validator.indexes.get(api)!;
      const schema = rootSchema(index, entry.schema, item.status < 300 ? match.representation : undefined);
      const text = Buffer.from(item.body!).toString('utf8');
      for (const m of isXml ? xmlMutations(index, text, schema) : jsonMutations(index, text, schema)) planned.push({ item, m });
    }
    // One batch: all XML mutants share one JVM.
    const inputs: ResponseInput[] = planned.map(({ item, m }) => ({ ...(item.product ? { product: item.product } : {}), ...(item.api ? { api: item.api } : {}), method: item.method, url: item.url, status: item.status, contentType: item.contentType!, body: m.body }));
    results = await validator.validateMany(inputs);
  }, 120_000);
  afterAll(async () => {
    await validator?.close();
  });

  it('each kind applies to JSON and XML recordings', () => {
    const kinds = (ext: string) => new Set(planned.filter((p) => p.item.source.endsWith(ext)).map((p) => p.m.kind));
    // m365 objects are open (unknown members allowed), so an extra property is a mutant only of EM's JSON bodies.
    expect([...kinds('.json')].sort()).toEqual<MutationKind[]>(['enum-misspelled', 'extra-property', 'required-removed', 'type-flipped']);
    expect(new Set(planned.filter((p) => p.m.kind === 'extra-property' && p.item.source.endsWith('.json')).map((p) => p.item.source.split('/').at(-3)))).toEqual(new Set(['enterprise-manager']));
    expect([...kinds('.xml')].sort()).toEqual<MutationKind[]>(['enum-misspelled', 'extra-property', 'required-removed', 'type-flipped', 'wrong-namespace']);
    // Every recording gets at least one mutant.
    expect(new Set(planned.map((p) => p.item.source)).size).toBe(items.length);
  });

  it('every mutant is invalid, with an error of the mutation kind at the mutated place', () => {
    const misses: string[] = [];
    planned.forEach(({ item, m }, k) => {
      const r = results[k]!;
      const kind = EXPECTED_KIND[m.kind][item.source.endsWith('.xml') ? 'xml' : 'json'];
      const at = r.errors.filter((e) => (m.expectPath !== undefined ? e.path === m.expectPath : Number(e.path.split(':')[0]) === m.expectLine));
      const hit = r.outcome === 'invalid' && at.some((e) => e.kind === kind);
      if (!hit) misses.push(`${item.source} [${m.kind}] ${m.what}: expected a ${kind} error at ${m.expectPath ?? `line ${m.expectLine}`}, got ${r.outcome} ${JSON.stringify(r.errors.slice(0, 3))}`);
    });
    expect(misses).toEqual([]);
    expect(planned.length).toBeGreaterThanOrEqual(items.length * 3);
  });
});
