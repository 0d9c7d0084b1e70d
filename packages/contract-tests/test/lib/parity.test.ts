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
      const cases = examples.flatMap((ex) => MUTATIONS.filter(([m]) => m === 'as is' || mutated(ex)).map(([m, f]) => ({ label: `${ex.name} [${m}]`, xml: f(ex.xml), xsd: v.xsdFor('enterprise-manager', ex.namespace)! })));
      const ours = await v.xsd.validate(cases.map((c) => ({ xsd: c.xsd, xml: c.xml })));
      const mine = ours.map((r) => (r.ok ? 'valid' : `${r.errors[0]?.line}:${r.errors[0]?.column}`));
      // One JVM per reference call: two at a time (2 cores).
      const theirs: string[] = new Array(cases.length);
      let next = 0;
      const worker = async () => { for (let i = next++; i < cases.length; i = next++) theirs[i] = await reference(cases[i]!.xml, cases[i]!.xsd); };
      await Promise.all([worker(), worker()]);
      const table = cases.map((c, i) => `${c.label}: ours ${mine[i]} reference ${theirs[i]}`);
      expect(table).toEqual(cases.map((c, i) => `${c.label}: ours ${theirs[i]} reference ${theirs[i]}`));
      // The mutants really are rejected (the comparison alone would pass if both accepted everything).
      cases.forEach((c, i) => { if (!c.label.endsWith('[as is]')) expect(mine[i], c.label).not.toBe('valid'); });
      expect(v.xsd.jvmStarts).toBe(1);
    }, 400_000);
  });
}
