/**
 * @veeam-rest/spec-diff: the breaking-change gate. Compares each API's bundled spec at a base commit
 * with the working tree, classifies every change for users of the generated clients and of the
 * contract checks, and names the packages whose breaking changes have no pending major changeset:
 * - a change that breaks clients of `<product>@<version>` needs a major changeset for `@veeam-rest/<product>`;
 * - a change that breaks the contract checks (recordings that passed would fail, an operation or status
 *   they match is gone) needs one for `@veeam-rest/contract-tests`, which ships the specs it validates with.
 */
import { isDeepStrictEqual } from 'node:util';
import { missingMajors, pendingBumps, type Bump, type Requirement } from './changesets.js';
import { classify, type Change } from './classify.js';
import { checkoutTree, resolveBase, type Base } from './git.js';
import { loadTree, type RegisteredApi, type TreeRegistry } from './registry.js';

export type { Change } from './merge.js';
export type { Impact } from './audience.js';
export type { Base } from './git.js';
export type { Bump, Requirement } from './changesets.js';

/** The package that ships the specs to the contract checks. */
export const CONTRACT_PACKAGE = '@veeam-rest/contract-tests';

/** The client package of a product. */
export const clientPackage = (product: string) => `@veeam-rest/${product}`;

/** The diff of one API alias. */
export interface ApiReport {
  alias: string;
  product: string;
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  changes: Change[];
  /** XSD files beside the spec that differ (not classified: named for review). */
  xsdChanged: string[];
}

/** Everything `spec:diff` found. */
export interface SpecDiffResult {
  base: Base;
  apis: ApiReport[];
  /** Packages that need a major release, with the reasons. */
  required: Requirement[];
  /** Highest pending changeset bump per package. */
  pending: Map<string, Bump>;
  /** Required majors that no pending changeset provides: the gate fails when this is not empty. */
  missing: Requirement[];
}

/** Options of {@link specDiff}. */
export interface SpecDiffOptions {
  /** Repository root (holds redocly.yaml and .changeset/). */
  root: string;
  /** Base ref. @default the merge-base of HEAD and main (else origin/main) */
  base?: string;
  /** Only these API aliases (`m365@v3`) or products (`m365`). @default all */
  only?: readonly string[];
}

/** Runs the gate: bundle both sides, classify, check the changesets. */
export async function specDiff(options: SpecDiffOptions): Promise<SpecDiffResult> {
  const base = resolveBase(options.root, options.base);
  const checkout = checkoutTree(options.root, base.commit);
  try {
    const [before, after] = await Promise.all([loadTree(checkout.dir, `base (${base.label})`), loadTree(options.root, 'working tree')]);
    const aliases = [...new Set([...before.apis, ...after.apis].map((a) => a.alias))]
      .filter((alias) => !options.only?.length || options.only.some((o) => o === alias || o === alias.split('@')[0]))
      .sort();
    const apis: ApiReport[] = [];
    for (const alias of aliases) apis.push(await diffApi(alias, before, after));
    const required = requirements(apis);
    const pending = await pendingBumps(options.root);
    return { base, apis, required, pending, missing: missingMajors(required, pending) };
  } finally {
    checkout.dispose();
  }
}

async function diffApi(alias: string, before: TreeRegistry, after: TreeRegistry): Promise<ApiReport> {
  const b = before.apis.find((a) => a.alias === alias);
  const a = after.apis.find((x) => x.alias === alias);
  const product = (a ?? b)!.product;
  if (!b) return { alias, product, status: 'added', changes: [], xsdChanged: [] };
  if (!a) return { alias, product, status: 'removed', changes: [], xsdChanged: [] };
  const [docB, docA] = [await before.bundle(b), await after.bundle(a)];
  const xsdChanged = changedXsds(before, b, after, a);
  if (isDeepStrictEqual(docB, docA)) return { alias, product, status: xsdChanged.length ? 'changed' : 'unchanged', changes: [], xsdChanged };
  return { alias, product, status: 'changed', changes: classify(docB, docA), xsdChanged };
}

function changedXsds(before: TreeRegistry, b: RegisteredApi, after: TreeRegistry, a: RegisteredApi): string[] {
  const xb = before.xsds(b);
  const xa = after.xsds(a);
  return [...new Set([...xb.keys(), ...xa.keys()])].filter((f) => xb.get(f) !== xa.get(f)).sort();
}

/** The major releases the breaking changes call for (see the module comment). */
export function requirements(apis: readonly ApiReport[]): Requirement[] {
  const byPkg = new Map<string, string[]>();
  const need = (pkg: string, reason: string) => byPkg.set(pkg, [...(byPkg.get(pkg) ?? []), reason]);
  for (const api of apis) {
    if (api.status === 'removed') {
      need(clientPackage(api.product), `${api.alias} was removed`);
      need(CONTRACT_PACKAGE, `${api.alias} was removed`);
      continue;
    }
    const forClients = api.changes.filter((c) => c.clients === 'breaking').length;
    const forContract = api.changes.filter((c) => c.contract === 'breaking').length;
    if (forClients) need(clientPackage(api.product), `${api.alias}: ${forClients} change${forClients === 1 ? '' : 's'} breaking for clients`);
    if (forContract) need(CONTRACT_PACKAGE, `${api.alias}: ${forContract} change${forContract === 1 ? '' : 's'} breaking for contract checks`);
  }
  return [...byPkg].sort(([x], [y]) => x.localeCompare(y)).map(([pkg, reasons]) => ({ pkg, reasons }));
}
