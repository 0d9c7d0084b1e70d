/**
 * The sidecar of a recording: `<body file>.meta.json` next to the body, e.g. `200-entity.xml` and
 * `200-entity.xml.meta.json` (the full body name, so an EM XML body and its JSON twin never share one).
 *
 * A recording is a genuine response: sent by a real server, or published by Veeam or by someone who
 * captured one. Bodies we write ourselves are spec examples, never recordings, so `constructed` is no
 * origin here. A genuine body copied from a page names its source and every edit the copy needed.
 */
import { InputError } from '../cli/errors.js';

/**
 * Where a recording came from:
 * - `seed`: one of the project's seed pages (a Veeam help-center page);
 * - `published`: another Veeam page (help center, or a public mirror of it);
 * - `captured`: a real server's response published by a third party (a blog post, an issue, a repo);
 * - `recorded`: written by `veeam-contract record` (or another recorder) from a live server.
 */
export type RecordingOrigin = 'seed' | 'published' | 'captured' | 'recorded';

/**
 * The only edits a copied genuine body may have had, each undoing an artifact of the page it was copied
 * from (never a change to what the server sent):
 * - `nbsp-to-space`: non-breaking spaces of the HTML rendering written as plain spaces;
 * - `markdown-unescape`: Markdown escapes of a mirror (`\_`, `\*`, `\[`) restored;
 * - `href-amp-escaped`: a raw `&` in an XML attribute (a page's rendering of `&amp;`) escaped again;
 * - `elision-closed`: a documented elision (`...`) removed and the structure closed around it.
 */
export type EditKind = 'nbsp-to-space' | 'markdown-unescape' | 'href-amp-escaped' | 'elision-closed';

/** One edit made to a copied body. */
export interface Edit {
  kind: EditKind;
  /** Where and what, in words (e.g. "removed the trailing `...` after the second session"). */
  detail?: string;
}

/** Sidecar fields. */
export interface Sidecar {
  /** HTTP method of the request. */
  method: string;
  /** Request URL (absolute, or a path including the base path) with its query, as published. */
  url: string;
  /** Response status. */
  status: number;
  /** Response `Content-Type` header. */
  contentType: string;
  origin: RecordingOrigin;
  /**
   * Where the body was taken from: the page URL (`https://helpcenter.veeam.com/...`), or a file of a
   * public repository as `github:<owner>/<repo>/<path>@<commit>`. Required unless `origin` is `recorded`.
   */
  source?: string;
  /** The copy the text was read from when it is not `source` itself (a public mirror of the page). */
  via?: string;
  /** Every edit the copy needed (empty or absent: byte for byte). */
  edits?: Edit[];
  /** Anything else a reader needs: which example of the page, the product version it documents. */
  note?: string;
}

export const ORIGINS: readonly RecordingOrigin[] = ['seed', 'published', 'captured', 'recorded'];
export const EDIT_KINDS: readonly EditKind[] = ['nbsp-to-space', 'markdown-unescape', 'href-amp-escaped', 'elision-closed'];
const FIELDS = ['method', 'url', 'status', 'contentType', 'origin', 'source', 'via', 'edits', 'note'];

/** The sidecar path of a body file. */
export function sidecarPath(bodyFile: string): string {
  return `${bodyFile}.meta.json`;
}

/**
 * Parses and checks a sidecar's text.
 * @throws InputError naming `file` and the JSON pointer of the bad field
 */
export function parseSidecar(text: string, file: string): Sidecar {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`${file}: sidecar is not valid JSON (${(err as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(`${file}: sidecar must be a JSON object { method, url, status, contentType, origin, source?, via?, edits?, note? }`);
  }
  const obj = raw as Record<string, unknown>;
  const fail = (pointer: string, expected: string, actual: unknown = obj[pointer]): never => {
    const shown = actual === undefined ? 'nothing' : JSON.stringify(actual);
    throw new InputError(`${file}#/${pointer}: expected ${expected}, got ${shown}`);
  };
  for (const key of Object.keys(obj)) {
    if (!FIELDS.includes(key)) throw new InputError(`${file}#/${key}: unknown sidecar field (allowed: ${FIELDS.join(', ')})`);
  }
  if (typeof obj.method !== 'string' || !/^[A-Za-z]+$/.test(obj.method)) fail('method', 'an HTTP method such as "GET"');
  if (typeof obj.url !== 'string' || obj.url.trim() === '') fail('url', 'the request URL as a string');
  if (typeof obj.status !== 'number' || !Number.isInteger(obj.status) || obj.status < 100 || obj.status > 599) fail('status', 'an integer status code 100..599');
  if (typeof obj.contentType !== 'string') fail('contentType', 'the response Content-Type as a string');
  if (obj.origin === 'constructed') {
    fail('origin', `one of ${ORIGINS.join(', ')} (a body written by hand is a spec example, not a recording)`);
  }
  if (typeof obj.origin !== 'string' || !ORIGINS.includes(obj.origin as RecordingOrigin)) fail('origin', `one of ${ORIGINS.join(', ')}`);
  const origin = obj.origin as RecordingOrigin;
  if (obj.source !== undefined && (typeof obj.source !== 'string' || obj.source.trim() === '')) fail('source', 'a page URL or github:<owner>/<repo>/<path>@<commit>');
  if (obj.source === undefined && origin !== 'recorded') fail('source', `where the ${origin} body was copied from (a page URL or github:<owner>/<repo>/<path>@<commit>)`);
  if (obj.via !== undefined && (typeof obj.via !== 'string' || obj.via.trim() === '')) fail('via', 'the URL or github:<owner>/<repo>/<path>@<commit> the copy was read from');
  if (obj.note !== undefined && typeof obj.note !== 'string') fail('note', 'a string');
  const edits = obj.edits === undefined ? undefined : parseEdits(obj.edits, fail);
  return {
    method: (obj.method as string).toUpperCase(),
    url: obj.url as string,
    status: obj.status as number,
    contentType: obj.contentType as string,
    origin,
    ...(obj.source !== undefined ? { source: obj.source as string } : {}),
    ...(obj.via !== undefined ? { via: obj.via as string } : {}),
    ...(edits !== undefined ? { edits } : {}),
    ...(obj.note !== undefined ? { note: obj.note as string } : {}),
  };
}

function parseEdits(value: unknown, fail: (pointer: string, expected: string, actual?: unknown) => never): Edit[] {
  if (!Array.isArray(value)) return fail('edits', 'an array of { kind, detail? }', value);
  return value.map((e: unknown, i): Edit => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return fail(`edits/${i}`, 'an object { kind, detail? }', e);
    const edit = e as Record<string, unknown>;
    for (const key of Object.keys(edit)) {
      if (key !== 'kind' && key !== 'detail') fail(`edits/${i}/${key}`, 'no such field (allowed: kind, detail)', edit[key]);
    }
    if (typeof edit.kind !== 'string' || !EDIT_KINDS.includes(edit.kind as EditKind)) {
      fail(`edits/${i}/kind`, `one of ${EDIT_KINDS.join(', ')} (no other edit keeps a body genuine)`, edit.kind);
    }
    if (edit.detail !== undefined && typeof edit.detail !== 'string') fail(`edits/${i}/detail`, 'a string', edit.detail);
    return { kind: edit.kind as EditKind, ...(edit.detail !== undefined ? { detail: edit.detail as string } : {}) };
  });
}

/** Serializes a sidecar the way the recorder and the corpus tools write it. */
export function formatSidecar(s: Sidecar): string {
  return JSON.stringify(s, null, 2) + '\n';
}
