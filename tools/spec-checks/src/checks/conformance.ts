// Check 6: conformance with the vendor's published OpenAPI document. Every operation of an API whose
// root names one (`x-veeam-upstream`) is compared with the vendor operation of the same method and full
// path (server base path + path, path- and operation-level `servers` honoured on both sides); every difference must be recorded in the spec (`x-veeam-deviations`), and every record must
// still match a difference (docs/extensions.md).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openRegistry, RegistryError, type ApiEntry } from '@veeam-rest/spec-registry';
import type { CheckResult, Finding } from '../findings.js';
import { SchemaComparer } from '../conformance/compare-schema.js';
import { normalizePath, OperationComparer, operationsOf, type OperationRef } from '../conformance/compare-operation.js';
import { collectDeviations, matchKey, position, type DeviationRecord, type Difference } from '../conformance/deviations.js';
import { SourceError, Sources, type Located } from '../conformance/sources.js';

/** One registry API and what its conformance run found. */
export interface ConformanceRun {
  alias: string;
  /** Operations compared (0 when the API names no upstream document). */
  compared: number;
  /** Differences recorded by a matching deviation. */
  recorded: number;
  failures: Finding[];
}

/** Compares one API with its vendor document. */
export function conformanceOf(alias: string, rootFile: string, repoRoot: string): ConformanceRun {
  const run: ConformanceRun = { alias, compared: 0, recorded: 0, failures: [] };
  const ours = new Sources();
  const fail = (f: Finding) => run.failures.push(f);
  try {
    const root: Located = { value: ours.read(rootFile), loc: { file: rootFile, pointer: '' } };
    const up = ours.child(root, 'x-veeam-upstream');
    if (!up) return run;
    const upFile = typeof up.value?.file === 'string' ? path.resolve(path.dirname(rootFile), up.value.file) : undefined;
    if (!upFile || typeof up.value?.source !== 'string' || up.value.source.trim() === '') {
      fail({ file: rootFile, position: position(ours, up.loc), message: 'x-veeam-upstream must be {file: <path relative to this file>, source: <provenance>}' });
      return run;
    }
    if (!existsSync(upFile)) {
      fail({ file: rootFile, position: position(ours, up.loc), message: `x-veeam-upstream file ${up.value.file} does not exist (${upFile})` });
      return run;
    }
    const upstream = new Sources();
    const upRoot: Located = { value: upstream.read(upFile), loc: { file: upFile, pointer: '' } };
    if (!upRoot.value || typeof upRoot.value !== 'object' || !upRoot.value.paths) {
      fail({ file: upFile, message: 'the upstream document is not an OpenAPI document (no `paths`)' });
      return run;
    }
    const { records, problems } = collectDeviations(ours, rootFile, repoRoot);
    run.failures.push(...problems);
    const differences = compareApi(ours, upstream, root, upRoot, records, fail);
    run.compared = differences.compared;
    // Each difference is silenced by exactly the record at its place with its kind and member.
    const byKey = new Map<string, DeviationRecord[]>();
    for (const r of records) byKey.set(matchKey(r.at, r.kind, r.member), [...(byKey.get(matchKey(r.at, r.kind, r.member)) ?? []), r]);
    const seen = new Set<string>();
    for (const d of differences.list) {
      const key = matchKey(d.at, d.kind, d.member);
      if (seen.has(key)) continue;
      seen.add(key);
      const rec = byKey.get(key);
      if (rec) {
        rec.forEach((r) => (r.used = true));
        run.recorded++;
        continue;
      }
      fail({ file: d.at.file, position: position(ours, d.at), message: `${d.kind}${d.member !== undefined ? ` ${JSON.stringify(d.member)}` : ''}: ours ${d.ours}, upstream ${d.upstream} [${d.context}]` });
    }
    for (const r of records) {
      if (r.used) continue;
      fail({ file: r.self.file, position: position(ours, r.self), message: `stale deviation: no ${r.kind}${r.member !== undefined ? ` ${JSON.stringify(r.member)}` : ''} difference is reported here (the vendor document agrees, or the record belongs on another object)` });
    }
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    fail({ file: e.file, position: e.position, message: e.message });
  }
  return run;
}

/** Finds the vendor operation of each of ours and compares them. */
function compareApi(ours: Sources, upstream: Sources, root: Located, upRoot: Located, records: DeviationRecord[], fail: (f: Finding) => void): { compared: number; list: Difference[] } {
  const caseInsensitive = root.value['x-veeam-case-insensitive-paths'] === true;
  // Full paths on both sides: each operation's server base path (its own, its path item's or the
  // document's servers) joined to its path.
  const upOps = new Map<string, OperationRef>();
  const upByWritten = new Map<string, OperationRef>();
  for (const u of operationsOf(upstream, upRoot)) {
    for (const base of u.bases) upOps.set(`${u.method} ${normalizePath(base + u.path, caseInsensitive)}`, u);
    upByWritten.set(`${u.method} ${u.path}`, u);
  }
  const schemas = new SchemaComparer(ours, upstream);
  const list = schemas.differences;
  const ops = new OperationComparer(ours, upstream, schemas, list);
  let compared = 0;
  for (const o of operationsOf(ours, root)) {
    const label = String(o.op.value?.operationId ?? `${o.method.toUpperCase()} ${o.path}`);
    let u: OperationRef | undefined;
    for (const base of o.bases) u ??= upOps.get(`${o.method} ${normalizePath(base + o.path, caseInsensitive)}`);
    if (!u) {
      const full = `${o.method.toUpperCase()} ${o.bases[0]}${o.path}`;
      list.push({ kind: 'path', at: o.op.loc, ours: full, upstream: 'absent', context: label });
      // A `path` record may name the vendor operation to compare with instead (`upstream: POST /api/oauth2/token`).
      const rec = records.find((r) => r.kind === 'path' && r.member === undefined && r.at.file === o.op.loc.file && r.at.pointer === o.op.loc.pointer);
      const named = rec?.upstream && /^([A-Za-z]+)\s+(\/\S*)$/.exec(rec.upstream.trim());
      if (named) {
        u = upByWritten.get(`${named[1]!.toLowerCase()} ${named[2]}`);
        if (!u) fail({ file: rec!.self.file, position: position(ours, rec!.self), message: `x-veeam-deviations: upstream "${rec!.upstream}" names no operation of the vendor document` });
      }
      if (!u) continue;
    }
    compared++;
    ops.compare(o, u, label);
  }
  return { compared, list };
}

/**
 * Runs the conformance comparison over every API of the registry that names an upstream document.
 * @param apis the registry's APIs when the caller has read it already; else read from `rootDir`
 */
export async function conformanceCheck(rootDir: string, apis?: readonly ApiEntry[]): Promise<CheckResult> {
  if (apis === undefined) {
    try {
      apis = (await openRegistry({ rootDir })).apis;
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      return { name: 'conformance', summary: 'the registry could not be read', failures: [{ file: e.file, position: e.position, message: e.detail }], notes: [] };
    }
  }
  const runs = apis.map((api) => conformanceOf(api.alias, api.rootFile, rootDir));
  const checked = runs.filter((r) => r.compared > 0 || r.failures.length > 0);
  const failures = runs.flatMap((r) => r.failures);
  const ops = runs.reduce((n, r) => n + r.compared, 0);
  const recorded = runs.reduce((n, r) => n + r.recorded, 0);
  return {
    name: 'conformance',
    summary: `${checked.length} APIs with an upstream document (${checked.map((r) => r.alias).join(', ') || 'none'}), ${ops} operations compared, ${recorded} recorded deviations, ${failures.length} problems`,
    failures,
    notes: [],
  };
}
