// `pnpm upgrade-guide [--check] [--root DIR]`
// Exit codes: 0 written (or up to date with --check), 1 --check found a stale guide, 2 usage or setup problem.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SpecDiffError } from '../errors.js';
import { buildGuides, staleGuides } from './index.js';

export const USAGE = `usage: pnpm upgrade-guide [--check] [--root DIR]

Writes the upgrade guides (docs/upgrade/*.md) from the specs of redocly.yaml: for each pair of API
versions of one product, the differences of the operations both describe, classified for users of
the generated clients, under the preamble in tools/spec-diff/guides/.
  --check     write nothing; exit 1 when a committed guide differs from what the specs give
  --root DIR  repository root (default: the nearest folder above the current one with redocly.yaml)`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { check: { type: 'boolean', default: false }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    err.write(`upgrade-guide: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(USAGE + '\n');
    return 0;
  }
  try {
    const root = values.root !== undefined ? path.resolve(values.root) : findRoot(process.cwd());
    if (!existsSync(path.join(root, 'redocly.yaml'))) throw new SpecDiffError(`--root ${values.root}: no redocly.yaml there`);
    const built = await buildGuides(root);
    if (values.check) {
      const stale = staleGuides(built);
      for (const s of stale) err.write(`upgrade-guide --check: ${s.file}: ${s.reason === 'missing' ? 'missing' : `differs from the specs from line ${s.line}`}\n`);
      if (stale.length) {
        err.write(`upgrade-guide --check: ${stale.length} guide(s) stale; run \`pnpm upgrade-guide\` and commit the result.\n`);
        return 1;
      }
      out.write(`upgrade-guide --check: ${built.length} guide(s) up to date (${built.map((g) => g.spec.file).join(', ')}).\n`);
      return 0;
    }
    for (const g of built) {
      const same = existsSync(g.file) && readFileSync(g.file, 'utf8') === g.text;
      if (!same) {
        mkdirSync(path.dirname(g.file), { recursive: true });
        writeFileSync(g.file, g.text);
      }
      out.write(`${same ? 'unchanged' : 'wrote'} ${g.spec.file}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof SpecDiffError) {
      err.write(`upgrade-guide: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'redocly.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new SpecDiffError(`no redocly.yaml in ${from} or above: run inside the repository or pass --root DIR`);
  }
}
