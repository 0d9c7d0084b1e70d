// JSON contract validation throughput vs. the physical floor: JSON.parse of the same bytes (decoded
// the same way). Goal (issue 5): validations/s >= 0.5x the parse rate. Prints one markdown section.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { createValidator, type ResponseInput } from '@veeam-rest/contract-tests';

const here = path.dirname(fileURLToPath(import.meta.url));
const recordings = path.join(here, '..', 'packages', 'contract-tests', 'recordings');
const seed = JSON.parse(readFileSync(path.join(recordings, 'm365', 'listJobSessionsForJob', '200.json'), 'utf8')) as Record<string, unknown>[];

/** A realistic page: the seed session repeated with distinct ids (VB365 v3 returns the whole list). */
function sessions(n: number): Uint8Array {
  const items = Array.from({ length: n }, (_, i) => ({ ...seed[0]!, id: `a8cf9a63-64c3-4748-9c95-${String(i).padStart(12, '0')}` }));
  return new TextEncoder().encode(JSON.stringify(items, null, 2));
}

const validator = await createValidator();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const rows: string[] = [];
const ratios: string[] = [];
for (const n of [1, 30, 500]) {
  const body = sessions(n);
  const input: ResponseInput = { product: 'm365', method: 'GET', url: '/v3/Jobs/00b96531-1a68-4c90-a398-91141ffedb3b/JobSessions', status: 200, contentType: 'application/json; charset=utf-8', body };
  const check = await validator.validate(input);
  if (!check.ok) throw new Error(`benchmark body is not valid: ${JSON.stringify(check.errors.slice(0, 2))}`);
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add('JSON.parse (floor)', () => {
    JSON.parse(decoder.decode(body));
  });
  bench.add('validate (match + decode + parse + ajv)', async () => {
    await validator.validate(input);
  });
  await bench.run();
  const [parse, validate] = bench.tasks.map((t) => t.result as unknown as { period: number; latency: { rme: number } });
  const parseRate = 1000 / parse!.period;
  const validateRate = 1000 / validate!.period;
  const kb = (body.byteLength / 1024).toFixed(1);
  rows.push(`| ${n} sessions (${kb} KiB) | ${Math.round(parseRate).toLocaleString('en-US')} | ${Math.round(validateRate).toLocaleString('en-US')} | ${(validateRate / parseRate).toFixed(2)}x | ±${Math.max(parse!.latency.rme, validate!.latency.rme).toFixed(1)}% |`);
  ratios.push(`${n}: ${(validateRate / parseRate).toFixed(2)}x`);
}
// The CLI's mode: one validateMany call over many responses (per-call overhead amortized).
{
  const body = sessions(1);
  const many: ResponseInput[] = Array.from({ length: 1000 }, () => ({ product: 'm365', method: 'GET', url: '/v3/Jobs/00b96531-1a68-4c90-a398-91141ffedb3b/JobSessions', status: 200, contentType: 'application/json', body }));
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add('1,000 x JSON.parse', () => {
    for (let i = 0; i < 1000; i++) JSON.parse(decoder.decode(body));
  });
  bench.add('validateMany(1,000)', async () => {
    await validator.validateMany(many);
  });
  await bench.run();
  const [parse, validate] = bench.tasks.map((t) => t.result as unknown as { period: number; latency: { rme: number } });
  const parseRate = 1000_000 / parse!.period;
  const validateRate = 1000_000 / validate!.period;
  rows.push(`| 1 session x 1,000 in one validateMany | ${Math.round(parseRate).toLocaleString('en-US')} | ${Math.round(validateRate).toLocaleString('en-US')} | ${(validateRate / parseRate).toFixed(2)}x | ±${Math.max(parse!.latency.rme, validate!.latency.rme).toFixed(1)}% |`);
  ratios.push(`batch of 1,000 small: ${(validateRate / parseRate).toFixed(2)}x`);
}
await validator.close();

process.stdout.write(
  [
    '## Contract tests: JSON validation vs JSON.parse',
    '',
    'Body: the m365 seed job session (`listJobSessionsForJob`) repeated n times. Both sides decode the same',
    'bytes with a strict UTF-8 TextDecoder; `validate` also matches the operation and runs the compiled ajv',
    'schema (compiled once). Goal: validations/s >= 0.5x JSON.parse/s.',
    '',
    '| body | JSON.parse/s | validate/s | ratio | max rme |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `Ratios (validate / parse): ${ratios.join(', ')}.`,
    '',
  ].join('\n'),
);
