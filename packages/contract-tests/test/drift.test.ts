// Error kinds and `allow: ['additive']` on genuine bodies: mutants of published Veeam responses (an EM
// job entity from the help center, a VB365 v3 session list) validated strict and with additive drift
// allowed, each in one validateMany batch (one JVM per validator).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type ContractValidator, type ResponseInput, type ValidationResult } from '../src/index.js';
import type { Validator } from '../src/validate.js';
import { packageDir, recordingsDir } from './helpers.js';

/** A bundled recording: its body and the request/response its sidecar names. */
function recording(rel: string): { body: string; input: Omit<ResponseInput, 'body'> } {
  const file = path.join(recordingsDir, rel);
  const meta = JSON.parse(readFileSync(`${file}.meta.json`, 'utf8')) as { method: string; url: string; status: number; contentType: string; origin: string };
  expect(meta.origin, `${rel} is a genuine body`).not.toBe('seed');
  return { body: readFileSync(file, 'utf8'), input: { method: meta.method, url: meta.url, status: meta.status, contentType: meta.contentType } };
}

/** Replaces exactly one occurrence (a mutant that silently changes nothing would prove nothing). */
function once(text: string, from: string | RegExp, to: string): string {
  const hits = typeof from === 'string' ? text.split(from).length - 1 : [...text.matchAll(new RegExp(from, 'g'))].length;
  expect(hits, `mutation target ${String(from)}`).toBe(1);
  return text.replace(from, to);
}

/** Replaces the first of several occurrences. */
function first(text: string, from: string, to: string): string {
  expect(text.includes(from), `mutation target ${from}`).toBe(true);
  return text.replace(from, to);
}

const job = recording('enterprise-manager/getJob/200-entity-backup.xml');
const sessions = recording('m365/listJobSessions/200.json');
const sessionList = JSON.parse(sessions.body) as Record<string, unknown>[];
const json = (mutate: (list: Record<string, unknown>[]) => void): string => {
  const copy = structuredClone(sessionList);
  mutate(copy);
  return JSON.stringify(copy);
};
// VB for Azure objects are closed (additionalProperties: false); no genuine Azure v2 body is
// published, so the JSON "new member" case uses the spec's own (constructed) example.
const azureExample = readFileSync(path.join(packageDir, '..', '..', 'specs', 'azure', 'v2', 'examples', 'getJobSession', '200.json'), 'utf8');
const azureInput = { method: 'GET', url: '/api/v2/jobSessions/5a2b5b5c-2c3f-4bd4-9d0a-1f4c9cfa1f11', status: 200, contentType: 'application/json' };

interface Case {
  name: string;
  input: Omit<ResponseInput, 'body'>;
  body: string;
  /** Kinds of the strict errors (in order of the first occurrence of each). */
  strict: string[];
  /** With allow additive: `drift` kinds when it passes, or the failing kinds and the drift listed apart. */
  additive: { ok: true; drift: string[] } | { ok: false; errors: string[]; drift: string[] };
}

const cases: Case[] = [
  {
    name: 'XML: a new element (with children) the XSD declares nowhere',
    input: job.input,
    body: once(job.body, '<JobType>Backup</JobType>', '<JobType>Backup</JobType><ImmutabilityOptions><Days>7</Days></ImmutabilityOptions>'),
    strict: ['xml-unknown-element'],
    additive: { ok: true, drift: ['xml-unknown-element'] },
  },
  {
    name: 'XML: two new elements in one parent (the second is hidden until the first is removed)',
    input: job.input,
    body: once(once(job.body, '<JobType>Backup</JobType>', '<JobType>Backup</JobType><NewA>1</NewA>'), '<Description>', '<NewB/><Description>'),
    strict: ['xml-unknown-element'],
    additive: { ok: true, drift: ['xml-unknown-element', 'xml-unknown-element'] },
  },
  {
    name: 'XML: a new attribute',
    input: job.input,
    body: once(job.body, '<OptionsDaily Enabled="true">', '<OptionsDaily Enabled="true" Jitter="5">'),
    strict: ['xml-unknown-attribute'],
    additive: { ok: true, drift: ['xml-unknown-attribute'] },
  },
  {
    name: 'XML: a new value of a closed element enumeration (OptionsDaily/Kind)',
    input: job.input,
    body: once(job.body, '<Kind>Everyday</Kind>', '<Kind>EveryOtherDay</Kind>'),
    strict: ['enum'],
    additive: { ok: true, drift: ['enum'] },
  },
  {
    name: 'XML: a new value of a closed attribute enumeration (Day/@Name)',
    input: job.input,
    body: first(job.body, '<Day Name="Sunday">', '<Day Name="Caturday">'),
    strict: ['enum'],
    additive: { ok: true, drift: ['enum'] },
  },
  {
    name: 'XML: a new element AND a removed required element after it (hidden from the first pass)',
    input: job.input,
    body: once(once(job.body, '<JobType>Backup</JobType>', '<JobType>Backup</JobType><NewA>1</NewA>'), '<Platform>HyperV</Platform>', ''),
    strict: ['xml-unknown-element'],
    additive: { ok: false, errors: ['xml-structure'], drift: ['xml-unknown-element'] },
  },
  {
    name: 'XML: a removed required attribute',
    input: job.input,
    body: once(job.body, ' Name="DB Backup" UID=', ' UID='),
    strict: ['required'],
    additive: { ok: false, errors: ['required'], drift: [] },
  },
  {
    name: 'XML: a known element at the wrong place is structure, not additive',
    input: job.input,
    body: once(job.body, '<JobType>Backup</JobType>   <Platform>HyperV</Platform>', '<Platform>HyperV</Platform><JobType>Backup</JobType>'),
    strict: ['xml-structure'],
    additive: { ok: false, errors: ['xml-structure'], drift: [] },
  },
  {
    name: 'XML: a number that is not one',
    input: job.input,
    body: once(job.body, '<RetryTimes>3</RetryTimes>', '<RetryTimes>three</RetryTimes>'),
    strict: ['type'],
    additive: { ok: false, errors: ['type'], drift: [] },
  },
  {
    name: 'XML: the wrong namespace',
    input: job.input,
    body: once(job.body, 'xmlns="http://www.veeam.com/ent/v1.0"', 'xmlns="http://www.veeam.com/ent/v2.0"'),
    strict: ['xml-namespace'],
    additive: { ok: false, errors: ['xml-namespace'], drift: [] },
  },
  {
    name: 'XML: a new enum value AND a type error fail together, the enum listed as drift',
    input: job.input,
    body: once(once(job.body, '<Kind>Everyday</Kind>', '<Kind>EveryOtherDay</Kind>'), '<RetryTimes>3</RetryTimes>', '<RetryTimes>three</RetryTimes>'),
    strict: ['type', 'enum'],
    additive: { ok: false, errors: ['type'], drift: ['enum'] },
  },
  {
    name: 'JSON: a new session status (a string outside the string enum)',
    input: sessions.input,
    body: json((l) => { l[0]!.status = 'Paused'; }),
    strict: ['enum'],
    additive: { ok: true, drift: ['enum'] },
  },
  {
    name: 'JSON: a number where the status string is expected is not additive',
    input: sessions.input,
    body: json((l) => { l[0]!.status = 5; }),
    strict: ['type', 'enum'],
    additive: { ok: false, errors: ['type', 'enum'], drift: [] },
  },
  {
    name: 'JSON: a removed required member',
    input: sessions.input,
    body: json((l) => { delete l[0]!.id; }),
    strict: ['required'],
    additive: { ok: false, errors: ['required'], drift: [] },
  },
  {
    name: 'JSON: a new member of a closed object',
    input: azureInput,
    body: JSON.stringify({ ...JSON.parse(azureExample), immutableUntil: '2030-01-01T00:00:00Z' }),
    strict: ['additional'],
    additive: { ok: true, drift: ['additional'] },
  },
];

const kinds = (errors: readonly { kind: string }[] = []) => [...new Set(errors.map((e) => e.kind))];
const allKinds = (errors: readonly { kind: string }[] = []) => errors.map((e) => e.kind);

describe('error kinds and allow additive on mutants of genuine bodies', () => {
  let strict: ContractValidator & Validator;
  let additive: ContractValidator & Validator;
  let strictResults: ValidationResult[];
  let additiveResults: ValidationResult[];

  beforeAll(async () => {
    strict = await createValidator();
    additive = await createValidator({ allow: ['additive'] });
    const inputs = cases.map((c) => ({ ...c.input, body: c.body }));
    [strictResults, additiveResults] = await Promise.all([strict.validateMany(inputs), additive.validateMany(inputs)]);
  }, 120_000);
  afterAll(async () => {
    await strict?.close();
    await additive?.close();
  });

  it('the genuine bodies themselves are valid either way', async () => {
    for (const v of [strict, additive]) {
      const r = await v.validateMany([{ ...job.input, body: job.body }, { ...sessions.input, body: sessions.body }, { ...azureInput, body: azureExample }]);
      expect(r.map((x) => [x.outcome, x.drift])).toEqual([['valid', undefined], ['valid', undefined], ['valid', undefined]]);
    }
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i]!;
    const s = strictResults[i]!;
    expect(s.ok, 'strict fails').toBe(false);
    expect(s.outcome).toBe('invalid');
    expect(s.drift).toBeUndefined();
    expect(kinds(s.errors)).toEqual(c.strict);
    const a = additiveResults[i]!;
    if (c.additive.ok) {
      expect(a).toMatchObject({ ok: true, outcome: 'valid', errors: [] });
      expect(allKinds(a.drift)).toEqual(c.additive.drift);
      for (const d of a.drift!) expect(d.additive).toBe(true);
    } else {
      expect(a).toMatchObject({ ok: false, outcome: 'invalid' });
      expect(kinds(a.errors)).toEqual(c.additive.errors);
      expect(kinds(a.drift)).toEqual(c.additive.drift);
      for (const e of a.errors) expect(e.additive).toBeFalsy();
    }
  });

  it('all XML mutants of a validator cost one JVM start (the re-validations reuse it)', () => {
    expect(strict.xsd.jvmStarts).toBe(1);
    expect(additive.xsd.jvmStarts).toBe(1);
  });

  it('a drift entry points into the original body', () => {
    const i = cases.findIndex((c) => c.name.startsWith('XML: two new elements'));
    const body = cases[i]!.body;
    const lines = body.split('\n');
    for (const d of additiveResults[i]!.drift!) {
      const [line, col] = d.path.split(':').map(Number) as [number, number];
      // Xerces reports an element just past its start tag.
      expect(lines[line - 1]!.slice(0, col - 1)).toMatch(/<New[AB]\/?>$/);
    }
  });

  it('allow rejects an unknown value', async () => {
    await expect(createValidator({ allow: ['breaking' as 'additive'] })).rejects.toThrow(/allow: unknown value "breaking" \(allowed: additive\)/);
  });
});
