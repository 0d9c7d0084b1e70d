/**
 * Upgrade guides from the specs: for each guide of {@link GUIDES}, bundles the old and the new API
 * version of one product (the spec-diff gate's Redocly bundling, registry.ts), compares the operations
 * both describe (compare.ts: the gate's classifier) and renders Markdown (render.ts) under the
 * hand-written preamble. `checkGuides` says which committed guides differ from what the specs give.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SpecDiffError } from '../errors.js';
import { loadTree, type TreeRegistry } from '../registry.js';
import { compareVersions } from './compare.js';
import { GUIDES, type GuideSpec } from './guides.js';
import { renderGuide } from './render.js';

export { compareVersions, type OperationChange, type OperationDiff, type VersionDiff } from './compare.js';
export { matchOperations, shapeKey, type Matching, type Pair } from './match.js';
export { listOperations, type Operation } from './operations.js';
export { renderGuide, generatedHeader } from './render.js';
export { GUIDES, GUIDE_DIR, type GuideSpec } from './guides.js';

/** A guide's expected text. */
export interface BuiltGuide {
  spec: GuideSpec;
  /** Absolute path of the output file. */
  file: string;
  text: string;
}

/** Builds every guide from the specs and preambles under `root`. */
export async function buildGuides(root: string, guides: readonly GuideSpec[] = GUIDES): Promise<BuiltGuide[]> {
  const tree = await loadTree(root, 'working tree');
  const out: BuiltGuide[] = [];
  for (const spec of guides) out.push({ spec, file: path.join(root, spec.file), text: await buildGuide(root, tree, spec) });
  return out;
}

async function buildGuide(root: string, tree: TreeRegistry, spec: GuideSpec): Promise<string> {
  const api = (alias: string) => {
    const found = tree.apis.find((a) => a.alias === alias);
    if (!found) throw new SpecDiffError(`${spec.file}: API ${alias} is not in redocly.yaml (registered: ${tree.apis.map((a) => a.alias).join(', ') || 'none'})`);
    return found;
  };
  const [from, to] = [api(spec.from), api(spec.to)];
  const preamblePath = path.join(root, spec.preambleFile);
  if (!existsSync(preamblePath)) throw new SpecDiffError(`${spec.file}: preamble ${spec.preambleFile} does not exist`);
  const preamble = readFileSync(preamblePath, 'utf8');
  if (!preamble.startsWith('# ')) throw new SpecDiffError(`${spec.preambleFile}:1:1: a guide preamble starts with its "# " title`);
  const before = await tree.bundle(from);
  const after = await tree.bundle(to);
  return renderGuide({ ...spec, preamble }, compareVersions(before, after), { before, after });
}

/** A committed guide that differs from what the specs give. */
export interface StaleGuide {
  file: string;
  reason: 'missing' | 'differs';
  /** First differing line (1-based) when the file exists. */
  line?: number;
}

/** The guides whose committed file is missing or differs from `built`. */
export function staleGuides(built: readonly BuiltGuide[]): StaleGuide[] {
  const out: StaleGuide[] = [];
  for (const g of built) {
    if (!existsSync(g.file)) { out.push({ file: g.spec.file, reason: 'missing' }); continue; }
    const have = readFileSync(g.file, 'utf8');
    if (have === g.text) continue;
    const [a, b] = [have.split('\n'), g.text.split('\n')];
    let line = 0;
    while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
    out.push({ file: g.spec.file, reason: 'differs', line: line + 1 });
  }
  return out;
}
