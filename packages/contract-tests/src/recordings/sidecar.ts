/**
 * The sidecar of a recording: `<body file>.meta.json` next to the body, e.g. `200-entity.xml` and
 * `200-entity.xml.meta.json` (the full body name, so an EM XML body and its JSON twin never share one).
 */
import { InputError } from '../cli/errors.js';

/** Where a recording came from. */
export type RecordingOrigin = 'seed' | 'constructed' | 'recorded';

/** Sidecar fields. */
export interface Sidecar {
  /** HTTP method of the request. */
  method: string;
  /** Request URL (absolute, or a path including the base path) with its query. */
  url: string;
  /** Response status. */
  status: number;
  /** Response `Content-Type` header. */
  contentType: string;
  origin: RecordingOrigin;
  /** Where it was taken from: a help-center page, a spec example file, a server. */
  source?: string;
}

const ORIGINS: readonly RecordingOrigin[] = ['seed', 'constructed', 'recorded'];
const FIELDS = ['method', 'url', 'status', 'contentType', 'origin', 'source'];

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
    throw new InputError(`${file}: sidecar must be a JSON object { method, url, status, contentType, origin, source? }`);
  }
  const obj = raw as Record<string, unknown>;
  const fail = (field: string, expected: string): never => {
    const actual = field in obj ? JSON.stringify(obj[field]) : 'nothing';
    throw new InputError(`${file}#/${field}: expected ${expected}, got ${actual}`);
  };
  for (const key of Object.keys(obj)) {
    if (!FIELDS.includes(key)) throw new InputError(`${file}#/${key}: unknown sidecar field (allowed: ${FIELDS.join(', ')})`);
  }
  if (typeof obj.method !== 'string' || !/^[A-Za-z]+$/.test(obj.method)) fail('method', 'an HTTP method such as "GET"');
  if (typeof obj.url !== 'string' || obj.url.trim() === '') fail('url', 'the request URL as a string');
  if (typeof obj.status !== 'number' || !Number.isInteger(obj.status) || obj.status < 100 || obj.status > 599) fail('status', 'an integer status code 100..599');
  if (typeof obj.contentType !== 'string') fail('contentType', 'the response Content-Type as a string');
  if (typeof obj.origin !== 'string' || !ORIGINS.includes(obj.origin as RecordingOrigin)) fail('origin', `one of ${ORIGINS.join(', ')}`);
  if (obj.source !== undefined && typeof obj.source !== 'string') fail('source', 'a string');
  return {
    method: (obj.method as string).toUpperCase(),
    url: obj.url as string,
    status: obj.status as number,
    contentType: obj.contentType as string,
    origin: obj.origin as RecordingOrigin,
    ...(obj.source !== undefined ? { source: obj.source as string } : {}),
  };
}

/** Serializes a sidecar the way the recorder and the seed copier write it. */
export function formatSidecar(s: Sidecar): string {
  return JSON.stringify(s, null, 2) + '\n';
}
