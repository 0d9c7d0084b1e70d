// `x-veeam-deviations` (docs/extensions.md): recorded differences from the vendor's OpenAPI document.
// Records are read from every node of the spec, so a record in a place the check never reports (a stale
// or misplaced one) is found too.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../findings.js';
import { escapeToken, locKey, SourceError, type Loc, type Sources } from './sources.js';

/** Every kind of difference the conformance check reports. */
export const DEVIATION_KINDS = [
  'path', 'parameter', 'status', 'media-type', 'member-added', 'member-missing',
  'type', 'format', 'nullable', 'required', 'enum-added', 'enum-missing', 'closed',
] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

/** One difference between our spec and the vendor's document. */
export interface Difference {
  kind: DeviationKind;
  /** Where a record silencing it goes (Operation, Parameter or Schema Object of our spec). */
  at: Loc;
  member?: string;
  ours: string;
  upstream: string;
  /** Where it was seen (operation, status, media type, member path; vendor pointer). */
  context: string;
}

/** A parsed `x-veeam-deviations` record. */
export interface DeviationRecord {
  kind: DeviationKind;
  member?: string;
  upstream?: string;
  reason: string;
  evidence: string;
  /** The object holding the list, and the record's own pointer (for messages). */
  at: Loc;
  self: Loc;
  used: boolean;
}

const FIELDS = new Set(['kind', 'member', 'upstream', 'reason', 'evidence']);

/** Key that ties a difference to a record: location + kind + member. */
export function matchKey(at: Loc, kind: string, member: string | undefined): string {
  return `${locKey(at)}\u0000${kind}\u0000${member ?? ''}`;
}

/**
 * Reads every `x-veeam-deviations` list in the files reachable from `rootFile` through `$ref`.
 * Malformed records become findings; evidence paths are relative to `repoRoot`.
 */
export function collectDeviations(src: Sources, rootFile: string, repoRoot: string): { records: DeviationRecord[]; problems: Finding[] } {
  const records: DeviationRecord[] = [];
  const problems: Finding[] = [];
  const seenFiles = new Set<string>();
  const files: { file: string; from?: Loc; ref?: string }[] = [{ file: rootFile }];
  while (files.length > 0) {
    const { file, from, ref } = files.pop()!;
    if (seenFiles.has(file)) continue;
    seenFiles.add(file);
    let data: unknown;
    try {
      data = src.read(file);
    } catch (e) {
      // A missing file is the fault of the $ref that names it: point there.
      if (e instanceof SourceError && from && !e.position) throw new SourceError(`$ref ${ref}: ${e.message}`, from.file, src.position(from));
      throw e;
    }
    const walk = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${pointer}/${i}`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.$ref === 'string') {
        const filePart = o.$ref.split('#')[0]!;
        if (filePart && !/^[a-z][a-z0-9+.-]*:/i.test(filePart)) files.push({ file: path.resolve(path.dirname(file), filePart), from: { file, pointer }, ref: o.$ref });
      }
      for (const [k, v] of Object.entries(o)) {
        if (k === 'x-veeam-deviations') readList(v, { file, pointer }, src, repoRoot, records, problems);
        else if (k !== 'examples' && k !== 'example') walk(v, `${pointer}/${escapeToken(k)}`);
      }
    };
    walk(data, '');
  }
  return { records, problems };
}

function readList(list: unknown, at: Loc, src: Sources, repoRoot: string, out: DeviationRecord[], problems: Finding[]): void {
  const listLoc = { file: at.file, pointer: `${at.pointer}/x-veeam-deviations` };
  const bad = (loc: Loc, message: string): void => void problems.push({ file: loc.file, position: position(src, loc), message: `x-veeam-deviations: ${message}` });
  if (!Array.isArray(list)) return bad(listLoc, 'must be a list of {kind, member?, upstream?, reason, evidence}');
  list.forEach((r, i) => {
    const self = { file: at.file, pointer: `${listLoc.pointer}/${i}` };
    if (!r || typeof r !== 'object' || Array.isArray(r)) return bad(self, 'each record must be an object {kind, member?, upstream?, reason, evidence}');
    const rec = r as Record<string, unknown>;
    const unknown = Object.keys(rec).filter((k) => !FIELDS.has(k));
    if (unknown.length) return bad(self, `unknown field(s) ${unknown.join(', ')} (allowed: ${[...FIELDS].join(', ')})`);
    if (!DEVIATION_KINDS.includes(rec.kind as DeviationKind)) return bad(self, `kind "${String(rec.kind)}" is not one of ${DEVIATION_KINDS.join(' | ')}`);
    if (typeof rec.reason !== 'string' || rec.reason.trim() === '') return bad(self, 'reason must say why (a non-empty string)');
    if (typeof rec.evidence !== 'string' || rec.evidence.trim() === '') return bad(self, 'evidence must be a URL or a repo-relative path of a recording');
    if (!/^https?:\/\//.test(rec.evidence) && !existsSync(path.join(repoRoot, rec.evidence))) return bad(self, `evidence "${rec.evidence}" is neither an http(s) URL nor a file of the repository`);
    if (rec.member !== undefined && !['string', 'number', 'boolean'].includes(typeof rec.member)) return bad(self, 'member must be a string');
    if (rec.upstream !== undefined && !['string', 'number', 'boolean'].includes(typeof rec.upstream)) return bad(self, 'upstream must be a string');
    out.push({
      kind: rec.kind as DeviationKind,
      member: rec.member === undefined ? undefined : String(rec.member),
      upstream: rec.upstream === undefined ? undefined : String(rec.upstream),
      reason: rec.reason,
      evidence: rec.evidence,
      at,
      self,
      used: false,
    });
  });
}

/** `line:column #pointer` (or just the pointer) of a location, for findings. */
export function position(src: Sources, loc: Loc): string {
  const lc = src.position(loc);
  const ptr = `#${loc.pointer}`;
  return lc ? `${lc} ${ptr}` : ptr;
}
