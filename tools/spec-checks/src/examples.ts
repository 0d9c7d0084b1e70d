// Collects every response example of every product with the target it must validate against.
import path from 'node:path';
import { schemaNames, type BodyTarget, type IndexedOperation, type MediaTypeEntry, type Product, type Validator } from '@veeam-rest/contract-tests';

/** The Redocly decorator's registry: example content (string, or JSON text) -> source files; picks the one under `dir`. */
function exampleFile(value: unknown, dir: string): string | undefined {
  const registry = (globalThis as any)[Symbol.for('veeam-rest.exampleFiles')] as Map<string, Set<string>> | undefined;
  const files = [...(registry?.get(typeof value === 'string' ? value : JSON.stringify(value)) ?? [])];
  return files.find((f) => f.startsWith(dir + path.sep));
}

/** One example to check. */
export interface ExampleCase {
  product: Product;
  operation: IndexedOperation;
  status: string;
  entry: MediaTypeEntry;
  /** Example name in the spec (`default`, `entity`). */
  name: string;
  /** Source file of the example (externalValue), when it was inlined from one. */
  file?: string;
  origin?: string;
  /** The raw body: the file text for XML, JSON re-serialized for JSON. */
  body: string;
  /** Parsed JSON value (JSON examples only). */
  json?: unknown;
  target: BodyTarget;
  /** `GET /backupSessions/{ID} 200 application/xml [entity]` */
  label: string;
}

/**
 * Every example under a response media type. Examples shared through components/responses are
 * checked once per distinct schema (not once per operation).
 */
export function collectExamples(v: Validator): ExampleCase[] {
  const out: ExampleCase[] = [];
  const seen = new Set<string>();
  for (const [product, index] of v.indexes) {
    for (const op of index.operations) {
      for (const [status, entries] of Object.entries(op.content)) {
        for (const entry of entries) {
          for (const [name, ex] of Object.entries(entry.examples)) {
            if (!('value' in ex)) continue;
            const file = exampleFile(ex.value, path.dirname(index.spec.rootFile));
            const representation = schemaNames(entry.schema).length > 1 ? pickExampleRepresentation(op, name, file) : undefined;
            const key = `${product}|${file ?? `${op.pointer}/${status}/${entry.mediaType}/${name}`}|${representation ?? JSON.stringify(entry.schema)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const value = ex.value;
            const body = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
            out.push({
              product, operation: op, status, entry, name, file,
              origin: ex['x-veeam-origin'] as string | undefined,
              body,
              ...(typeof value === 'string' ? {} : { json: value }),
              target: { product, operation: op, status, entry, ...(representation ? { representation } : {}) },
              label: `${product} ${op.method} ${op.path} ${status} ${entry.mediaType} [${name}]`,
            });
          }
        }
      }
    }
  }
  return out;
}

/**
 * The representation an example shows: its name or file variant (`200-entity.xml`; for a case of a
 * representation, `200-entity-replica.xml`, the variant's first word) matched against the
 * x-veeam-representations values (case-insensitive), else the default.
 */
export function pickExampleRepresentation(op: IndexedOperation, name: string, file?: string): string | undefined {
  const rep = op.representations;
  if (!rep) return undefined;
  const variant = file ? /^[^-.]+-([^.]+)\./.exec(file.split('/').pop() ?? '')?.[1] : undefined;
  for (const candidate of [variant, variant?.split('-')[0], name]) {
    if (!candidate) continue;
    const hit = Object.entries(rep.values ?? {}).find(([k, schema]) => k.toLowerCase() === candidate.toLowerCase() || schema.toLowerCase() === candidate.toLowerCase());
    if (hit) return hit[1];
  }
  return rep.default;
}
