// XML contract validation: 1,000 EM documents through one batch (validateMany: one JVM) vs. the naive
// way, one xsd-schema-validator call (one JVM start) per document. The naive way is measured on a
// sample of 20 calls and extrapolated linearly (each call is independent: JVM start + parse + validate).
// Goal (issue 5): batched >= 100x faster. Prints one markdown section.
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { createValidator, type ResponseInput } from '@veeam-rest/contract-tests';

const require = createRequire(import.meta.url);
const { validateXML } = require('xsd-schema-validator') as { validateXML(xml: string, schema: string): Promise<{ valid: boolean }> };

const here = path.dirname(fileURLToPath(import.meta.url));
const recordings = path.join(here, '..', 'packages', 'contract-tests', 'recordings', 'enterprise-manager');
const xsd = path.join(here, '..', 'specs', 'enterprise-manager', 'xsd', 'veeam-ent-v1.xsd');

// Every bundled EM XML recording with a 2xx status, cycled to 1,000 documents.
const docs: ResponseInput[] = [];
for (const op of readdirSync(recordings).sort()) {
  for (const f of readdirSync(path.join(recordings, op)).sort()) {
    if (!f.endsWith('.xml')) continue;
    const meta = JSON.parse(readFileSync(path.join(recordings, op, `${f}.meta.json`), 'utf8')) as { method: string; url: string; status: number; contentType: string };
    if (meta.status >= 300) continue;
    docs.push({ product: 'enterprise-manager', method: meta.method, url: meta.url, status: meta.status, contentType: meta.contentType, body: readFileSync(path.join(recordings, op, f)) });
  }
}
const N = 1000;
const batch = Array.from({ length: N }, (_, i) => docs[i % docs.length]!);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// Batched: a fresh validator each round so the JVM start is counted; spec loading is not (done once
// per validator, before any document).
const cold: number[] = [];
const warm: number[] = [];
for (let round = 0; round < 3; round++) {
  const v = await createValidator();
  let t = performance.now();
  const results = await v.validateMany(batch);
  cold.push(performance.now() - t);
  const bad = results.find((r) => !r.ok);
  if (bad) throw new Error(`benchmark document is not valid: ${JSON.stringify(bad.errors.slice(0, 2))}`);
  t = performance.now();
  await v.validateMany(batch);
  warm.push(performance.now() - t);
  await v.close();
}

// Naive: one JVM per document, on a sample.
const SAMPLE = 20;
const naive: number[] = [];
for (let i = 0; i < SAMPLE; i++) {
  const d = batch[i]!;
  const t = performance.now();
  const r = await validateXML(Buffer.from(d.body as Uint8Array).toString('utf8'), xsd);
  naive.push(performance.now() - t);
  if (!r.valid) throw new Error('naive validator rejected a valid document');
}
const perDoc = naive.reduce((a, b) => a + b, 0) / SAMPLE;
const naiveTotal = perDoc * N;
const coldMs = median(cold);
const warmMs = median(warm);

process.stdout.write(
  [
    '## Contract tests: XML batch (one JVM) vs one xsd-schema-validator call per document',
    '',
    `${N} documents: the ${docs.length} bundled EM XML recordings (2xx) cycled. Batched = \`validateMany\` on a fresh`,
    'validator (JVM start included; spec loading excluded), median of 3 rounds; warm = a second batch on the same',
    `JVM. Naive = \`xsd-schema-validator\` \`validateXML\` once per document, measured on ${SAMPLE} calls and`,
    `extrapolated linearly to ${N}. Goal: batched >= 100x faster than naive.`,
    '',
    '| way | time for 1,000 docs | per document | speed-up vs naive |',
    '|---|---:|---:|---:|',
    `| naive, one JVM per document (${SAMPLE} measured, extrapolated) | ${(naiveTotal / 1000).toFixed(1)} s | ${perDoc.toFixed(1)} ms | 1x |`,
    `| batched, cold (JVM start included) | ${coldMs.toFixed(0)} ms | ${(coldMs / N).toFixed(3)} ms | ${(naiveTotal / coldMs).toFixed(0)}x |`,
    `| batched, warm JVM | ${warmMs.toFixed(0)} ms | ${(warmMs / N).toFixed(3)} ms | ${(naiveTotal / warmMs).toFixed(0)}x |`,
    '',
    `Ratio (naive / batched cold): ${(naiveTotal / coldMs).toFixed(0)}x; warm: ${(naiveTotal / warmMs).toFixed(0)}x.`,
    `1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other work on the machine slows every side; ratios within one run are what compare).`,
    '',
  ].join('\n'),
);
