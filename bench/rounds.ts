// Shared by the contract benchmarks: the machine is shared (2 cores, other jobs), so load drifts during
// a run. Several short tinybench rounds with the task order rotated, then per task the median period
// and per round the ratio to the first task (the floor), keep drift from favouring whichever task runs
// first. Not a benchmark itself (run.ts runs *.bench.ts only).
import { Bench } from 'tinybench';

/** A task: name and function (sync or async). */
export type Task = [name: string, fn: () => unknown];

/** Median period (ms) per task, and per task the median over rounds of floor period / task period. */
export interface RoundsResult {
  periodMs: number[];
  /** Rate relative to the first task (floor): > 1 faster than the floor. Index 0 is 1. */
  vsFloor: number[];
  /** Largest relative margin of error seen in any round. */
  maxRme: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `rounds` rounds of `timeMs` per task, rotating the order; the first task is the floor. */
export async function runRounds(tasks: Task[], options: { rounds?: number; timeMs?: number } = {}): Promise<RoundsResult> {
  const rounds = options.rounds ?? 5;
  const periods: number[][] = tasks.map(() => []);
  let maxRme = 0;
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: options.timeMs ?? 400, warmupTime: 100, iterations: 2 });
    const order = tasks.map((_, i) => (i + round) % tasks.length);
    for (const k of order) bench.add(tasks[k]![0], tasks[k]![1] as () => void);
    await bench.run();
    bench.tasks.forEach((t, j) => {
      const r = t.result as unknown as { period: number; latency: { rme: number } };
      periods[order[j]!]!.push(r.period);
      maxRme = Math.max(maxRme, r.latency.rme);
    });
  }
  return {
    periodMs: periods.map(median),
    vsFloor: periods.map((p) => median(p.map((x, r) => periods[0]![r]! / x))),
    maxRme,
  };
}
