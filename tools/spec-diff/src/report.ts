// The report of a spec:diff run: readable text (default) or JSON for other tools.
import type { Change } from './classify.js';
import type { SpecDiffResult } from './index.js';

/** A change's tag: whom it breaks, or what else it is. */
export function tag(c: Pick<Change, 'clients' | 'contract'>): string {
  const broken = [c.clients === 'breaking' && 'clients', c.contract === 'breaking' && 'contract'].filter(Boolean);
  if (broken.length) return `breaking (${broken.join(', ')})`;
  if (c.clients === 'deprecated' || c.contract === 'deprecated') return 'deprecated';
  if (c.clients === 'unclassified' || c.contract === 'unclassified') return 'review (unclassified)';
  if (c.clients === 'annotation' && c.contract === 'annotation') return 'docs';
  return 'non-breaking';
}

/** The operations using a component (`response of GET /a`...), at most three named per side. */
function listUses(uses: readonly string[]): string {
  const side = (prefix: string, label: string) => {
    const ops = uses.filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length));
    if (ops.length === 0) return [];
    return [`${label} of ${ops.slice(0, 3).join(', ')}${ops.length > 3 ? ` and ${ops.length - 3} more` : ''}`];
  };
  return [...side('response of ', 'responses'), ...side('request of ', 'requests')].join('; ');
}

const isDocs = (c: Change) => c.clients === 'annotation' && c.contract === 'annotation';

/** The text report. */
export function textReport(r: SpecDiffResult): string {
  const out: string[] = [`spec:diff: base ${r.base.commit.slice(0, 12)} (${r.base.label}) -> working tree`, ''];
  for (const api of r.apis) {
    if (api.status === 'unchanged') { out.push(`${api.alias}: no changes`); continue; }
    if (api.status === 'added') { out.push(`${api.alias}: new API (non-breaking)`); continue; }
    if (api.status === 'removed') { out.push(`${api.alias}: API removed (breaking for clients and contract checks)`); continue; }
    const shown = api.changes.filter((c) => !isDocs(c));
    const count = (pred: (c: Change) => boolean) => api.changes.filter(pred).length;
    const summary = [
      `${count((c) => c.clients === 'breaking')} breaking for clients`,
      `${count((c) => c.contract === 'breaking')} breaking for contract checks`,
      `${shown.length} listed`,
      ...(shown.length < api.changes.length ? [`${api.changes.length - shown.length} docs/examples only`] : []),
    ];
    out.push(`${api.alias}: ${summary.join(', ')}`);
    const groups = new Map<string, Change[]>();
    for (const c of shown) {
      const g = c.operation ? `${c.operation}${c.operationId ? ` (${c.operationId})` : ''}` : c.usedBy ? `${c.where}, in ${listUses(c.usedBy)}` : '(document)';
      groups.set(g, [...(groups.get(g) ?? []), c]);
    }
    // Operations first (by path), then schema components, then document-level changes.
    const order = (g: string) => (g.startsWith('schema ') ? 1 : g === '(document)' ? 2 : 0);
    for (const [group, changes] of [...groups].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))) {
      out.push(`  ${group}`);
      const width = Math.max(...changes.map((c) => tag(c).length));
      for (const c of changes) out.push(`    ${tag(c).padEnd(width)}  ${c.usedBy ? c.what : c.text}`);
    }
    for (const f of api.xsdChanged) out.push(`  xsd/${f} changed: not classified, review it by hand (XML clients and the XSD check read it)`);
  }
  out.push('');
  if (r.required.length === 0) {
    out.push('result: OK, no breaking changes');
    return out.join('\n');
  }
  out.push('major changesets needed:');
  for (const req of r.required) {
    const have = r.pending.get(req.pkg) ?? 'none';
    out.push(`  ${have === 'major' ? 'ok     ' : 'MISSING'}  ${req.pkg} (pending: ${have}): ${req.reasons.join('; ')}`);
  }
  out.push('');
  out.push(
    r.missing.length === 0
      ? 'result: OK, every breaking change has a major changeset'
      : `result: FAIL, breaking changes without a major changeset for ${r.missing.map((m) => m.pkg).join(', ')}: run \`pnpm changeset\` and pick major for ${r.missing.length === 1 ? 'it' : 'each'} (or make the change non-breaking)`,
  );
  return out.join('\n');
}

/** The JSON report (stable field names; Maps as objects). */
export function jsonReport(r: SpecDiffResult): string {
  return JSON.stringify({ ok: r.missing.length === 0, base: r.base, apis: r.apis, required: r.required, pending: Object.fromEntries(r.pending), missing: r.missing }, null, 2);
}
