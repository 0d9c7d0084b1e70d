// Check 4: link closure. Every href in every example must lead to a documented operation (method from
// the link relation) with a documented response, or be listed in x-veeam-dead-links (no endpoint on the
// real server) or x-veeam-undescribed-links (a real endpoint this spec does not describe).
import { matchSegments, splitUrl, resolveLocal, type IndexedOperation, type SpecIndex, type Validator } from '@veeam-rest/contract-tests';
import type { ExampleCase } from '../examples.js';
import type { CheckResult, Finding } from '../findings.js';

/** A link found in an example. */
export interface FoundLink { href: string; rel?: string; where: string }

/** EM relations that are actions, not reads (EM REST: Rel="Stop" -> POST ?action=stop). */
const REL_METHODS: Record<string, string> = {
  stop: 'POST', start: 'POST', retry: 'POST', toggleScheduleEnabled: 'POST', enable: 'POST', disable: 'POST',
  delete: 'DELETE', edit: 'PUT',
};

/** HTTP method a link relation implies (GET unless it names an action). */
export function methodForRel(rel: string | undefined): string {
  if (!rel) return 'GET';
  const key = Object.keys(REL_METHODS).find((k) => k.toLowerCase() === rel.toLowerCase());
  return key ? REL_METHODS[key]! : 'GET';
}

/** Links in a JSON value: `href`/`Href` strings anywhere; rel from a sibling `Rel`/`rel` or the map key (`_links`). */
export function jsonLinks(value: unknown, pointer = '', key?: string): FoundLink[] {
  const out: FoundLink[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...jsonLinks(v, `${pointer}/${i}`)));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'href' || k === 'Href') && typeof v === 'string') {
        const rel = (typeof o.Rel === 'string' ? o.Rel : typeof o.rel === 'string' ? o.rel : key) as string | undefined;
        out.push({ href: v, rel, where: `${pointer}/${k}` });
      } else out.push(...jsonLinks(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k));
    }
  }
  return out;
}

/** Links in XML text: `Href` attributes, with `Rel` from the same start tag; position as line:column. */
export function xmlLinks(xml: string): FoundLink[] {
  const out: FoundLink[] = [];
  const tag = /<[A-Za-z][^>]*?\bHref\s*=\s*"([^"]*)"[^>]*>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const rel = /\bRel\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const before = xml.slice(0, m.index).split('\n');
    out.push({ href: m[1]!.replace(/&amp;/g, '&'), rel, where: `${before.length}:${before[before.length - 1]!.length + 1}` });
  }
  return out;
}

/** Why a link does not resolve, or undefined when it does. */
export function resolveLink(index: SpecIndex, link: FoundLink): { ok: true; operation: IndexedOperation } | { ok: false; reason: string } {
  const { segments, query } = splitUrl(link.href, index.basePaths);
  const method = methodForRel(link.rel);
  const onPath = index.operations.filter((op) => matchSegments(op.segments, segments, index.caseInsensitivePaths));
  if (onPath.length === 0) return { ok: false, reason: 'no path template matches' };
  const op = onPath.find((o) => o.method === method);
  if (!op) return { ok: false, reason: `path is documented for ${[...new Set(onPath.map((o) => o.method))].join(', ')} but not ${method} (Rel="${link.rel ?? ''}")` };
  if (!Object.keys(op.content).some((s) => /^2/.test(s))) return { ok: false, reason: `${op.operationId} documents no 2xx response` };
  // Query parameters in the link must be declared by the operation (and fit their enum).
  const params = ((op.operation.parameters ?? []) as unknown[]).map((p) => resolveLocal(index.doc, p)).filter((p: any) => p?.in === 'query');
  for (const [k, val] of query) {
    const p: any = params.find((q: any) => String(q.name).toLowerCase() === k.toLowerCase());
    if (!p) return { ok: false, reason: `${op.operationId} declares no query parameter "${k}"` };
    const s = resolveLocal(index.doc, p.schema);
    const en: unknown[] | undefined = s?.enum ?? resolveLocal(index.doc, s?.items)?.enum;
    if (en && !en.some((e) => String(e).toLowerCase() === val.toLowerCase())) return { ok: false, reason: `${op.operationId} query "${k}" does not allow "${val}" (${en.join(', ')})` };
  }
  return { ok: true, operation: op };
}

interface DeadLink { template: string; rel?: string; reason?: string }

/** A compiled `x-veeam-dead-links` / `x-veeam-undescribed-links` entry. */
interface ListedLink extends DeadLink { segments: ReturnType<typeof splitUrl>['segments'] }

function listed(doc: SpecIndex['doc'], key: string): ListedLink[] {
  return ((doc[key] as DeadLink[] | undefined) ?? []).map((d) => ({ ...d, segments: splitUrl(d.template, []).segments }));
}

/** The entry whose template matches the href's path; an entry with `rel` also needs that relation. */
function findListed(entries: ListedLink[], index: SpecIndex, link: FoundLink, byRel: boolean): ListedLink | undefined {
  const { segments } = splitUrl(link.href, index.basePaths);
  return entries.find((x) => matchSegments(x.segments.map((s) => (/^\{.*\}$/.test(s) ? { param: s } : { literal: s })), segments, index.caseInsensitivePaths)
    && (!byRel || x.rel === undefined || x.rel.toLowerCase() === (link.rel ?? '').toLowerCase()));
}

/** Runs the link-closure check over all examples. */
export function linksCheck(v: Validator, examples: ExampleCase[]): CheckResult {
  const failures: Finding[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  let count = 0;
  let undescribedCount = 0;
  for (const ex of examples) {
    const index = v.indexes.get(ex.product)!;
    const dead = listed(index.doc, 'x-veeam-dead-links');
    const undescribed = listed(index.doc, 'x-veeam-undescribed-links');
    const links = ex.json !== undefined ? jsonLinks(ex.json) : xmlLinks(ex.body);
    for (const link of links) {
      count++;
      const r = resolveLink(index, link);
      if (r.ok) continue;
      const d = findListed(dead, index, link, false);
      if (d) {
        const key = `${ex.product} ${link.href}`;
        if (!seen.has(key)) { seen.add(key); notes.push(`dead link (x-veeam-dead-links ${d.template}): ${link.href} in ${ex.label}`); }
        continue;
      }
      if (findListed(undescribed, index, link, true)) { undescribedCount++; continue; }
      failures.push({ file: ex.file, position: link.where, message: `${ex.label}: unmatched href ${link.href} (${methodForRel(link.rel)}): ${r.reason}` });
    }
  }
  return { name: 'links', summary: `${count} hrefs checked, ${failures.length} unmatched, ${notes.length} dead links accepted, ${undescribedCount} links to undescribed endpoints accepted`, failures, notes };
}
