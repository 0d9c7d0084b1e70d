// JSON contract validation throughput vs. the physical floor (JSON.parse of the same bytes, decoded the
// same way) and vs. the naive way (a fresh Ajv + compile for every response). Goal (issue 5):
// validations/s >= 0.5x the parse rate. Prints one markdown section with the ratios.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRounds } from './rounds.js';
import { createValidator, SchemaCompiler, type ResponseInput } from '@veeam-rest/contract-tests';

const here = path.dirname(fileURLToPath(import.meta.url));
const recordings = path.join(here, '..', 'packages', 'contract-tests', 'recordings');
const seed = JSON.parse(readFileSync(path.join(recordings, 'm365', 'listJobSessionsForJob', '200.json'), 'utf8')) as Record<string, unknown>[];

/** A realistic page: the seed session repeated with distinct ids (VB365 v3 returns the whole list). */
function sessions(n: number): Uint8Array {
  const items = Array.from({ length: n }, (_, i) => ({ ...seed[0]!, id: `a8cf9a63-64c3-4748-9c95-${String(i).padStart(12, '0')}` }));
  return new TextEncoder().encode(JSON.stringify(items, null, 2));
}

/** Distinct request URLs (one per job id), rotated per call: no cache keyed by URL can shortcut a run. */
const URLS = Array.from({ length: 4096 }, (_, i) => `/v3/Jobs/00b96531-1a68-4c90-a398-${i.toString(16).padStart(12, '0')}/JobSessions`);
const request = (body: Uint8Array, i: number, contentType = 'application/json; charset=utf-8'): ResponseInput =>
  ({ product: 'm365', method: 'GET', url: URLS[i % URLS.length]!, status: 200, contentType, body });

const validator = await createValidator();
const index = (await validator.load('m365'))!;
const operation = validator.match('m365', 'GET', URLS[0]!)!.operation;
const responseSchema = operation.content['200']![0]!.schema!;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The naive way: a new Ajv (components registered, formats added) and a compile for every response. */
function naiveValidate(body: Uint8Array): boolean {
  const compiler = new SchemaCompiler('m365', index.doc.components?.schemas ?? {}, index.spec.rootFile);
  return compiler.compile(responseSchema, operation.pointer).valid(JSON.parse(decoder.decode(body)));
}

// Steady state is what a CI run of many responses sees: let the JIT settle before the first row.
{
  const body = sessions(1);
  for (let k = 0; k < 50_000; k++) {
    await validator.validate(request(body, k));
    JSON.parse(decoder.decode(body));
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows: string[] = [];
const ratios: string[] = [];
const minRatios: number[] = [];

for (const n of [1, 30, 500]) {
  const body = sessions(n);
  const check = await validator.validate(request(body, 0));
  if (!check.ok || !naiveValidate(body)) throw new Error(`benchmark body is not valid: ${JSON.stringify(check.errors.slice(0, 2))}`);
  let i = 0;
  const r = await runRounds([
    ['JSON.parse (floor)', () => JSON.parse(decoder.decode(body))],
    ['validate (match + decode + parse + ajv)', () => validator.validate(request(body, i++))],
    ['naive (new Ajv + compile per call)', () => naiveValidate(body)],
  ]);
  const [p, o, v] = r.periodMs.map((ms) => 1000 / ms) as [number, number, number];
  const [, oRatio, vRatio] = r.vsFloor as [number, number, number];
  const kb = (body.byteLength / 1024).toFixed(1);
  rows.push(`| ${n} sessions (${kb} KiB) | ${fmt(p)} | ${fmt(o)} | ${fmt(v)} | **${oRatio.toFixed(2)}x** | ${vRatio.toPrecision(2)}x | ${(oRatio / vRatio).toFixed(0)}x | ±${r.maxRme.toFixed(1)}% |`);
  ratios.push(`${n}: ${oRatio.toFixed(2)}x`);
  minRatios.push(oRatio);
}

// The CLI's mode: one validateMany call over many responses (per-call overhead amortized).
{
  const body = sessions(1);
  const many: ResponseInput[] = Array.from({ length: 1000 }, (_, k) => request(body, k));
  const r = await runRounds([
    ['1,000 x JSON.parse', () => { for (let k = 0; k < 1000; k++) JSON.parse(decoder.decode(body)); }],
    ['validateMany(1,000)', () => validator.validateMany(many)],
  ]);
  const [p, o] = r.periodMs.map((ms) => 1000_000 / ms) as [number, number];
  const oRatio = r.vsFloor[1]!;
  rows.push(`| 1 session x 1,000 in one validateMany | ${fmt(p)} | ${fmt(o)} | (as above) | **${oRatio.toFixed(2)}x** | | | ±${r.maxRme.toFixed(1)}% |`);
  ratios.push(`batch of 1,000 small: ${oRatio.toFixed(2)}x`);
  minRatios.push(oRatio);
}
await validator.close();

const worst = Math.min(...minRatios);
process.stdout.write(
  [
    '## Contract tests: JSON validation vs JSON.parse',
    '',
    'Body: the m365 seed job session (`listJobSessionsForJob`) repeated n times; every row uses the same',
    'bytes. All sides decode them with a strict UTF-8 TextDecoder. `validate` also matches the operation',
    '(a different URL each call), picks status and media type and runs the compiled ajv schema (compiled',
    'once). The naive way builds a new Ajv and compiles the schema for every response. Rates are per',
    'second (median of 5 rounds with the task order rotated); ratios are the median of the per-round ratios.',
    '',
    '| body | JSON.parse/s (floor) | validate/s (ours) | naive/s | ours / parse | naive / parse | ours / naive | max rme |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Ratios (validate / parse): ${ratios.join(', ')}. Goal >= 0.5x: ${worst >= 0.5 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}x).`,
    `1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other work on the machine slows every side; ratios within one run are what compare).`,
    '',
  ].join('\n'),
);
