// Which packages the pending changesets (.changeset/*.md) release, and at what bump.
import { existsSync } from 'node:fs';
import path from 'node:path';
import readChangesets from '@changesets/read';

/** A changeset bump, weakest first. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

/** A package that must be released with a major bump, and why. */
export interface Requirement {
  pkg: string;
  reasons: string[];
}

/** The highest pending bump per package name, from every changeset in `root/.changeset`. */
export async function pendingBumps(root: string): Promise<Map<string, Bump>> {
  const bumps = new Map<string, Bump>();
  if (!existsSync(path.join(root, '.changeset'))) return bumps;
  for (const changeset of await readChangesets(root)) {
    for (const { name, type } of changeset.releases) {
      const prev = bumps.get(name) ?? 'none';
      if (BUMPS.indexOf(type) > BUMPS.indexOf(prev)) bumps.set(name, type);
    }
  }
  return bumps;
}

/** The requirements no pending `major` changeset covers. */
export function missingMajors(required: readonly Requirement[], pending: ReadonlyMap<string, Bump>): Requirement[] {
  return required.filter((r) => pending.get(r.pkg) !== 'major');
}
