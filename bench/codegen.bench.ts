// Code generation of every API in the registry (issue 12: "performance stays in bounds as the specs
// grow"). Spawns the real commands, each a fresh process with no cache of its own:
// - cold: `turbo run generate` with an empty temp cache (one task, @veeam-rest/codegen#generate, bundles
//   and emits every API in one process), and the CLI once for all APIs without turbo;
// - cached: the same turbo command again (cache hit: what `pnpm generate` does when nothing changed);
// - floor: a fresh Node process that only reads and parses every spec file (codegen-floor.mjs: Redocly's
//   own js-yaml, JSON.parse);
// - per API: `veeam-codegen --no-turbo --product <alias>` vs the floor of that API's folder.
// Wall and CPU time (children's, from /proc) per run; median of 3 rounds with the order rotated.
// Like `pnpm generate`, the runs write packages/*/src/generated (unchanged files are left alone).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { childCpuMs, median } from './child-cpu.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const turbo = path.join(repo, 'node_modules/.bin/turbo');
const codegen = path.join(repo, 'tools/codegen/bin/veeam-codegen.mjs');
const floorScript = fileURLToPath(new URL('./codegen-floor.mjs', import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' };

const registry = parse(readFileSync(path.join(repo, 'redocly.yaml'), 'utf8')) as { apis: Record<string, { root: string }> };
const apis = Object.entries(registry.apis).map(([alias, a]) => ({ alias, dir: path.dirname(path.join(repo, a.root)) }));

interface Sample { wall: number; cpu: number; stdout: string }

function timed(label: string, cmd: string, args: string[]): Sample {
  const cpu0 = childCpuMs() ?? 0;
  const t = performance.now();
  const run = spawnSync(cmd, args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t;
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { wall, cpu: (childCpuMs() ?? 0) - cpu0, stdout: run.stdout };
}

const samples = new Map<string, Sample[]>();
const add = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);

/** One group of runs; groups are rotated between rounds so load drift does not favour one. */
const groups: [string, () => void][] = [
  ['turbo', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'turbo-cache-'));
    try {
      const args = ['run', 'generate', '--cache-dir', cache, '--output-logs', 'none'];
      add('turbo cold', timed('turbo cold', turbo, args));
      add('turbo cached', timed('turbo cached', turbo, args));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }],
  ['one process', () => add('one process', timed('one process', process.execPath, [codegen, '--no-turbo']))],
  ['floor', () => add('floor', timed('floor', process.execPath, [floorScript, ...apis.map((a) => a.dir)]))],
  ...apis.map(({ alias, dir }): [string, () => void] => [alias, () => {
    add(`gen ${alias}`, timed(`codegen ${alias}`, process.execPath, [codegen, '--no-turbo', '--product', alias]));
    add(`floor ${alias}`, timed(`floor ${alias}`, process.execPath, [floorScript, dir]));
  }]),
];

const rounds = 3;
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < groups.length; i++) {
    const [name, fn] = groups[(i + r) % groups.length]!;
    process.stderr.write(`round ${r + 1}: ${name}\n`);
    fn();
  }
}

const wall = (k: string) => median(samples.get(k)!.map((s) => s.wall));
const cpu = (k: string) => median(samples.get(k)!.map((s) => s.cpu));
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const size = (k: string) => JSON.parse(samples.get(k)![0]!.stdout) as { files: number; bytes: number };

const all = size('floor');
const rows = [
  `| \`turbo run generate\`, empty cache (${apis.length} APIs, one task) | ${sec(wall('turbo cold'))} | ${sec(cpu('turbo cold'))} | ${x(cpu('turbo cold'), cpu('floor'))} | < 3 s wall: ${wall('turbo cold') < 3000 ? 'met' : 'NOT met'} |`,
  `| \`veeam-codegen --no-turbo\` (${apis.length} APIs, one process, no cache) | ${sec(wall('one process'))} | ${sec(cpu('one process'))} | ${x(cpu('one process'), cpu('floor'))} | (reference) |`,
  `| \`turbo run generate\` again: nothing changed (cache hit; \`pnpm generate\`) | ${sec(wall('turbo cached'))} | ${sec(cpu('turbo cached'))} | ${x(cpu('turbo cached'), cpu('floor'))} | < 0.5 s wall: ${wall('turbo cached') < 500 ? 'met' : 'NOT met'} |`,
  `| floor: read + parse every spec file (${all.files} files, ${(all.bytes / 1024).toFixed(0)} KiB) | ${sec(wall('floor'))} | ${sec(cpu('floor'))} | 1.00x | |`,
];
const perApi = apis.map(({ alias }) => {
  const s = size(`floor ${alias}`);
  return `| ${alias} | ${s.files} | ${(s.bytes / 1024).toFixed(0)} KiB | ${sec(wall(`gen ${alias}`))} | ${sec(cpu(`gen ${alias}`))} | ${sec(cpu(`floor ${alias}`))} | ${x(cpu(`gen ${alias}`), cpu(`floor ${alias}`))} |`;
});
const sumPerApi = apis.reduce((n, a) => n + cpu(`gen ${a.alias}`), 0);
process.stdout.write(
  [
    '## Code generation: every API, cold vs cached vs the floor',
    '',
    `Real commands, each a fresh process with no cache of its own, over the ${apis.length} APIs of \`redocly.yaml\` (${apis.map((a) => a.alias).join(', ')}). Wall time and CPU time (of the process and its children, from /proc); median of ${rounds} rounds with the order rotated. Floor: a fresh Node process that only reads and parses every spec file (\`bench/codegen-floor.mjs\`: the js-yaml that @redocly/openapi-core parses with, JSON.parse for JSON; \`upstream/\` vendor documents skipped, codegen does not read them).`,
    '',
    '| run | wall | CPU | CPU vs floor | goal |',
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
    'Per API (`veeam-codegen --no-turbo --product <alias>`, one fresh process each, vs the floor of that API\'s folder):',
    '',
    '| API | spec files | size | generate wall | generate CPU | floor CPU | generate / floor |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...perApi,
    '',
    `- cached / cold (turbo, wall) = **${x(wall('turbo cached'), wall('turbo cold'))}**; cold generation of all ${apis.length} APIs in one process costs ${x(cpu('one process'), cpu('floor'))} the floor's CPU, and ${x(cpu('one process'), sumPerApi)} of generating them one process per API (${sec(sumPerApi)} CPU: TypeScript and @redocly/openapi-core load once).`,
    `- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; 1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} (wall times grow with it; CPU times and ratios much less).`,
    '',
  ].join('\n'),
);
