// The index of the specs shipped in this package (`dist/specs/index.json`), written at build time by
// `src/build/ship-specs.ts` and read by the shipped spec source.
import type { ApiServers } from '@veeam-rest/spec-registry/lite';
import { SpecError } from './errors.js';

/** Version of the index format; a reader refuses another. */
export const MANIFEST_FORMAT = 1;

/** One shipped API. Paths are relative to the index file, with forward slashes. */
export interface ShippedApi {
  alias: string;
  product: string;
  version: string;
  /** The bundled document (`m365/v3/openapi.json`), examples inlined. */
  spec: string;
  /** The API's XSDs (`enterprise-manager/v1/xsd/veeam-ent-v1.xsd`). */
  xsd: string[];
  /** Where the API is served, taken from the bundle (routing needs it before any bundle is read). */
  servers: ApiServers;
}

/** `dist/specs/index.json`. */
export interface Manifest {
  format: number;
  /** The registry the specs were bundled from, for people reading the file. */
  source: string;
  apis: ShippedApi[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Checks a parsed index.
 * @throws SpecError naming `file` and the JSON pointer of the first bad field
 */
export function checkManifest(raw: unknown, file: string): Manifest {
  const fail = (pointer: string, expected: string): never => {
    throw new SpecError(`shipped spec index: expected ${expected}; rebuild the package (pnpm build)`, file, `#${pointer}`);
  };
  if (!isObject(raw)) return fail('', 'an object { format, source, apis }');
  if (raw.format !== MANIFEST_FORMAT) fail('/format', `format ${MANIFEST_FORMAT}, got ${JSON.stringify(raw.format)}`);
  if (!Array.isArray(raw.apis)) fail('/apis', 'an array');
  (raw.apis as unknown[]).forEach((a, i) => {
    const at = `/apis/${i}`;
    if (!isObject(a)) return fail(at, 'an object');
    for (const key of ['alias', 'product', 'version', 'spec'] as const) if (typeof a[key] !== 'string') fail(`${at}/${key}`, 'a string');
    if (!strings(a.xsd)) fail(`${at}/xsd`, 'an array of paths');
    if (!isObject(a.servers) || !strings(a.servers.servers) || !Array.isArray(a.servers.overrides)) fail(`${at}/servers`, '{ servers, overrides }');
  });
  return raw as unknown as Manifest;
}
