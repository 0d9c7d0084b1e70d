// Generation cold vs turbo-cached: spawns the real commands. Cold = `turbo run generate` with an empty
// temp cache (one task, @veeam-rest/codegen#generate, bundles and emits every product in one process)
// and, for reference, the CLI once for all products without turbo; cached = the same turbo command run
// again (goal: cold < 3 s, cached < 0.5 s).
// Like `pnpm generate`, the runs write packages/*/src/generated (unchanged files are left alone).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const turbo = path.join(repo, 'node_modules/.bin/turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' };

function timed(label: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const t = performance.now();
  const run = spawnSync(cmd, args, { cwd: repo, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return ms;
}

const runs = 3;
const rows: string[] = [];
const results: Record<string, number[]> = { cold: [], oneProcess: [], cached: [] };
for (let i = 0; i < runs; i++) {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'turbo-cache-'));
  const args = ['run', 'generate', '--cache-dir', cache, '--output-logs', 'none'];
  results.cold!.push(timed('cold', turbo, args));
  results.cached!.push(timed('cached', turbo, args));
  rmSync(cache, { recursive: true, force: true });
  results.oneProcess!.push(timed('one process', process.execPath, [path.join(repo, 'tools/codegen/bin/veeam-codegen.mjs'), '--no-turbo']));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = median(results.cold!);
const cached = median(results.cached!);
const one = median(results.oneProcess!);
rows.push(`| \`turbo run generate\`, empty cache (3 products, one task) | ${(cold / 1000).toFixed(2)} s | < 3 s: ${cold < 3000 ? 'met' : 'NOT met'} |`);
rows.push(`| \`veeam-codegen --no-turbo\` (3 products, one process) | ${(one / 1000).toFixed(2)} s | (reference) |`);
rows.push(`| \`turbo run generate\`, second run (cache hit) | ${(cached / 1000).toFixed(2)} s | < 0.5 s: ${cached < 500 ? 'met' : 'NOT met'} |`);
process.stdout.write(
  [
    '## Code generation: cold vs turbo-cached',
    '',
    `Median of ${runs} runs of the real commands (enterprise-manager, m365, azure); 1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (wall times grow with it; the cached/cold ratio less so).`,
    '',
    '| run | wall time | goal |',
    '|---|---|---|',
    ...rows,
    '',
    `- cached / cold = **${(cached / cold).toFixed(2)}x**; most of a cold run is starting pnpm and loading TypeScript and @redocly/openapi-core, once for all products (openapi-typescript's transform only, without its own Redocly).`,
    '',
  ].join('\n'),
);
