// Many-error bodies (issue 9): an EM reference whose `Links` holds n empty objects, four schema errors
// each. Ours = `validate` (match, decode, parse, fail-fast check, bounded allErrors pass, mapping);
// floor = JSON.parse of the same bytes; naive = ajv's own allErrors collection (unbounded, what the
// validator did before), timed once per size because it is quadratic. Goal: time linear in body size
// (time ratio ~ size ratio across rows). Prints one markdown section.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRounds } from './rounds.js';
import { createValidator, SchemaCompiler, type ResponseInput } from '@veeam-rest/contract-tests';

const here = path.dirname(fileURLToPath(import.meta.url));
const specExample = path.join(here, '..', 'specs', 'enterprise-manager', 'examples', 'getBackupSession', '200.json');
const ref = JSON.parse(readFileSync(specExample, 'utf8')) as Record<string, unknown>;
const SESSION_URL = '/api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae';

/** The spec's EM reference example with `n` empty Links: 3 bytes and 4 errors per Link. */
function body(n: number): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ ...ref, Links: Array.from({ length: n }, () => ({})) }));
}

const validator = await createValidator();
const index = (await validator.load('enterprise-manager'))!;
const match = validator.match('enterprise-manager', 'GET', SESSION_URL)!;
const entry = match.operation.content['200']!.find((e) => e.mediaType === 'application/json')!;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const request = (b: Uint8Array): ResponseInput => ({ product: 'enterprise-manager', method: 'GET', url: SESSION_URL, status: 200, contentType: 'application/json', body: b });

/** Unbounded ajv allErrors on the same schema (the representation the SESSION_URL selects). */
const naive = new SchemaCompiler('enterprise-manager', index.doc.components?.schemas ?? {}, index.spec.rootFile, { boundErrors: false });
const naiveSchema = match.representation ? naive.compileComponent(match.representation) : naive.compile(entry.schema!, match.operation.pointer);

// Warm up: compile the allErrors validator, let the JIT settle.
for (let k = 0; k < 20; k++) await validator.validate(request(body(1000)));

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rows: string[] = [];
const sizes = [16_000, 32_000, 320_000, 1_333_000];
let base: { bytes: number; ms: number } | undefined;
const timeRatios: string[] = [];
const perByte: { ours: number; parse: number; ratio: number }[] = [];

for (const n of sizes) {
  const b = body(n);
  const check = await validator.validate(request(b));
  const summary = check.errors.at(-1)?.message ?? '';
  const total = check.errors.length - 1 + Number(/^(\d+) more errors/.exec(summary)?.[1] ?? NaN);
  if (check.outcome !== 'invalid' || total !== 4 * n) throw new Error(`unexpected result for n=${n}: ${check.outcome}, ${summary}`);
  const r = await runRounds([
    ['JSON.parse (floor)', () => JSON.parse(decoder.decode(b))],
    ['validate (ours)', () => validator.validate(request(b))],
  ], { rounds: 5, timeMs: n > 100_000 ? 1500 : 400 });
  const [p, o] = r.periodMs as [number, number];
  const oursVsParse = 1 / r.vsFloor[1]!;
  let naiveCell = '(not run: quadratic)';
  if (n <= 32_000) {
    const t0 = performance.now();
    const found = naiveSchema.errors(JSON.parse(decoder.decode(b)));
    const ms = performance.now() - t0;
    if (found.total !== 4 * n) throw new Error(`naive found ${found.total} errors, want ${4 * n}`);
    naiveCell = `${fmt(ms)} ms (${fmt(ms / o, 0)}x ours)`;
  }
  base ??= { bytes: b.byteLength, ms: o };
  const sizeRatio = b.byteLength / base.bytes;
  const timeRatio = o / base.ms;
  timeRatios.push(`${fmt(sizeRatio, 1)}x size -> ${fmt(timeRatio, 1)}x time`);
  perByte.push({ ours: o / b.byteLength, parse: p / b.byteLength, ratio: oursVsParse });
  rows.push(`| ${fmt(n)} (${fmt(b.byteLength / 1024, 0)} KiB) | ${fmt(4 * n)} | ${fmt(p, 2)} | ${fmt(o, 1)} | ${fmt(oursVsParse, 1)}x | ${fmt((4 * n) / (o / 1000))} | ${fmt(sizeRatio, 1)}x / ${fmt(timeRatio, 1)}x | ${naiveCell} | ±${r.maxRme.toFixed(1)}% |`);
}
await validator.close();

const spreadOf = (xs: number[]) => Math.max(...xs) / Math.min(...xs);
const oursSpread = spreadOf(perByte.map((x) => x.ours));
const parseSpread = spreadOf(perByte.map((x) => x.parse));
const [first, last] = [perByte[0]!.ratio, perByte.at(-1)!.ratio];
// Linear like the floor: ours / JSON.parse must not grow with the body (JSON.parse itself pays more
// GC per byte for millions of small objects, so time per byte alone overstates any growth).
const linear = last <= 1.5 * first;
process.stdout.write(
  [
    '## Contract tests: many-error JSON bodies (linear time)',
    '',
    'Body: the EM `getBackupSession` reference example with `Links` replaced by n empty objects (3 bytes',
    'and 4 errors each: `Rel`, `Href`, `Type`, `Name` missing). `validate` = match + decode + JSON.parse +',
    'fail-fast ajv + the bounded allErrors pass (first 1000 errors kept, the rest counted) + mapping of the',
    '100 errors shown. Naive = ajv\'s own allErrors collection of the same schema, run once (quadratic:',
    'every failing `$ref` copies all errors so far). Times per body: median of 5 rounds with the task order',
    'rotated; ours / parse is the median of the per-round ratios.',
    '',
    '| empty Links (body) | errors | JSON.parse ms (floor) | validate ms (ours) | ours / parse | errors/s (ours) | size / time vs first row | naive (unbounded ajv) | max rme |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Scaling: ${timeRatios.slice(1).join('; ')}. Across this ${fmt(sizes.at(-1)! / sizes[0]!, 0)}x range, time per byte varies ${oursSpread.toFixed(2)}x for validate and ${parseSpread.toFixed(2)}x for JSON.parse of the same bytes (GC of millions of small objects); ours / parse goes from ${first.toFixed(1)}x to ${last.toFixed(1)}x. Goal, time linear in the body (ours / parse not growing by more than 1.5x): ${linear ? 'met' : 'NOT met'}.`,
    `1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other work on the machine slows every side; ratios within one run are what compare).`,
    '',
  ].join('\n'),
);
