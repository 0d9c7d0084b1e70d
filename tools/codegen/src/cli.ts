// veeam-codegen: generate (or --check) the typed packages from the specs in redocly.yaml.
// Exit codes: 0 ok, 1 drift found by --check, 2 broken spec/registry or bad arguments.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, REGISTRY_FILE, RegistryError } from '@veeam-rest/spec-registry';
import { findDrift, writeOutputs } from './check.js';
import { SpecError } from './errors.js';
import { generate } from './generate.js';

const USAGE = `usage: veeam-codegen [--check] [--product <slug|alias>]... [--config <redocly.yaml>] [--root <dir>] [--no-turbo]
  (no --product, no --check: runs \`turbo run generate\`, one cached task that runs --no-turbo)`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        check: { type: 'boolean', default: false },
        product: { type: 'string', multiple: true },
        config: { type: 'string' },
        root: { type: 'string' },
        'no-turbo': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`veeam-codegen: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const configPath = path.resolve(args.config ?? path.join(findRepoRoot() ?? '.', REGISTRY_FILE));
  const root = path.resolve(args.root ?? path.dirname(configPath));

  // The whole-repo run goes through turbo so an unchanged repo is a cache hit (turbo.json `@veeam-rest/codegen#generate`).
  if (!args.check && args.product === undefined && args.config === undefined && !args['no-turbo']) {
    const repo = path.dirname(configPath);
    const local = path.join(repo, 'node_modules', '.bin', 'turbo');
    const run = spawnSync(existsSync(local) ? local : 'turbo', ['run', 'generate'], { cwd: repo, stdio: 'inherit' });
    if (run.error !== undefined) {
      process.stderr.write(`veeam-codegen: cannot run turbo (${run.error.message}); install dependencies, or use --no-turbo\n`);
      return 2;
    }
    return run.status ?? 2;
  }

  const outputs = await generate({ configPath, ...(args.product === undefined ? {} : { product: args.product }) });
  if (args.check) {
    const drift = findDrift(outputs, root);
    for (const d of drift) process.stderr.write(`${d.kind}: ${d.file} (${d.hint})\n`);
    if (drift.length > 0) {
      process.stderr.write(`veeam-codegen --check: ${drift.length} generated file(s) differ; run \`pnpm generate\` and commit the result.\n`);
      return 1;
    }
    process.stdout.write(`veeam-codegen --check: ${outputs.length} API(s) up to date (${outputs.map((o) => o.api.alias).join(', ')}).\n`);
    return 0;
  }
  const written = writeOutputs(outputs, root);
  for (const w of written) process.stdout.write(`wrote ${w}\n`);
  process.stdout.write(`veeam-codegen: ${outputs.map((o) => o.api.alias).join(', ')}: ${written.length} file(s) changed.\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof SpecError || e instanceof RegistryError) {
      const lines = e instanceof SpecError ? e.problems : e.message.split('\n');
      process.stderr.write(`veeam-codegen: broken spec or registry:\n${lines.map((p) => `  ${p}`).join('\n')}\n`);
      process.exit(2);
    }
    process.stderr.write(`veeam-codegen: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(3);
  },
);
