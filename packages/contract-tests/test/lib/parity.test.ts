// xsd-schema-validator (the user's chosen dependency, one JVM per call) stays the reference: every XML
// example, valid and mutated, must get the same verdict and the same first error position from both it
// and our batch helper.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import xsdSchemaValidator from 'xsd-schema-validator';
import { createValidator, type Validator } from '../../src/index.js';
import { xmlExamples, type XmlExample } from './examples.js';
import { FIXTURE_ROOT } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const roots = [FIXTURE_ROOT, ...(existsSync(path.join(REPO_ROOT, 'specs/enterprise-manager/xsd')) ? [REPO_ROOT] : [])];

/** Mutations that any closed XSD must reject, placed at a known spot. */
const MUTATIONS: [string, (xml: string) => string][] = [
  ['as is', (x) => x],
  ['unknown child element', (x) => x.replace(/(<[A-Za-z][^>!?]*?[^/]>)/, '$1<NotInTheContract/>')],
  ['root renamed', (x) => x.replace(/<([A-Za-z][\w.-]*)(\s|>)/, '<Bogus$1$2').replace(/<\/([A-Za-z][\w.-]*)>\s*$/, '</Bogus$1>')],
];

/** Reference calls run two at a time (2 cores; one JVM each, ~1.6 s under load). */
const CONCURRENCY = 2;
/** One call that takes this long is stuck (a healthy one takes seconds even on a loaded machine). */
const CALL_TIMEOUT_MS = 120_000;

/** Rejects with a message naming `label` when `work` is not done in `ms`: a stuck JVM fails, never hangs. */
async function watchdog<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `fn` over `items`, at most `limit` at a time; results keep input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => { for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!); };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** First `(line:col)` of a reference failure, or 'valid'. */
async function reference(xml: string, xsd: string): Promise<string> {
  try {
    const r = await xsdSchemaValidator.validateXML(xml, xsd);
    return r.valid ? 'valid' : 'invalid';
  } catch (e) {
    const messages: string[] = (e as any).messages ?? [String(e)];
    const pos = /\((\d+):(\d+)\)\s*$/.exec(messages[0] ?? '');
    return pos ? `${pos[1]}:${pos[2]}` : `invalid: ${messages[0]}`;
  }
}

for (const root of roots) {
  describe(`XSD parity with xsd-schema-validator (${path.relative(REPO_ROOT, root) || 'repo'})`, () => {
    let v: Validator;
    let examples: XmlExample[] = [];
    beforeAll(async () => {
      v = await createValidator({ rootDir: root });
      await v.loadAll();
      examples = xmlExamples(v);
    });
    afterAll(async () => { await v?.close(); });

    it('has XML examples to compare', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    it('agrees on every example, valid and mutated', async () => {
      // One reference JVM per document is slow: every example as is, mutants of seed examples (all
      // examples in the small fixture repo).
      const mutated = (ex: XmlExample) => root === FIXTURE_ROOT || ex.seed;
      const cases = examples.flatMap((ex) => MUTATIONS.filter(([m]) => m === 'as is' || mutated(ex)).map(([m, f]) => ({ label: `${ex.name} [${m}]`, xml: f(ex.xml), xsd: v.xsdFor(ex.api, ex.namespace)! })))
        .filter((c, i, all) => all.findIndex((o) => o.xml === c.xml && o.xsd === c.xsd) === i); // distinct documents only
      const ours = await watchdog(v.xsd.validate(cases.map((c) => ({ xsd: c.xsd, xml: c.xml }))), CALL_TIMEOUT_MS, 'batch JVM');
      const mine = ours.map((r) => (r.ok ? 'valid' : `${r.errors[0]?.line}:${r.errors[0]?.column}`));
      const theirs = await mapLimit(cases, CONCURRENCY, (c) => watchdog(reference(c.xml, c.xsd), CALL_TIMEOUT_MS, `xsd-schema-validator on ${c.label}`));
      const table = cases.map((c, i) => `${c.label}: ours ${mine[i]} reference ${theirs[i]}`);
      expect(table).toEqual(cases.map((c, i) => `${c.label}: ours ${theirs[i]} reference ${theirs[i]}`));
      // The mutants really are rejected (the comparison alone would pass if both accepted everything).
      cases.forEach((c, i) => { if (!c.label.endsWith('[as is]')) expect(mine[i], c.label).not.toBe('valid'); });
      expect(v.xsd.jvmStarts).toBe(1);
    }, 900_000); // generous: ~75 s normally; a stuck call fails after CALL_TIMEOUT_MS with its name
  });
}
