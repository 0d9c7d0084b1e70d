// CPU time of finished child processes, from /proc/self/stat (Linux): `cutime` + `cstime` count every
// child this process waited for, and their own waited children (turbo's tasks, pnpm's node). On a
// shared 2-core machine wall time grows with other jobs' load; CPU time much less. Not a benchmark
// itself (run.ts runs *.bench.ts only).
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc (USER_HZ; 100 on Linux). */
const HZ = 100;

/** CPU milliseconds of all waited children so far; undefined where /proc is not there. */
export function childCpuMs(): number | undefined {
  if (os.platform() !== 'linux') return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Field 2 (comm) may hold spaces: count from the closing parenthesis. cutime, cstime are fields 16, 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / HZ;
}

/** The median of a list. */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
