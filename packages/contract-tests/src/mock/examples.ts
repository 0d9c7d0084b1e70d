/**
 * Picks the example body the mock answers with: by status, negotiated media type and, for EM, the
 * representation the query selects (x-veeam-representations).
 */
import { resolveLocal, type IndexedOperation, type MediaTypeEntry, type SpecIndex } from '../spec/index.js';

/** A body ready to send. */
export interface ExampleBody {
  mediaType: string;
  text: string;
}

/** Status keys of an operation that are concrete codes, ascending (`default`, `4XX` are skipped). */
export function concreteStatuses(op: IndexedOperation): number[] {
  return Object.keys(op.content)
    .filter((s) => /^\d{3}$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The documented success status the mock answers with (the lowest 2xx), or 200. */
export function successStatus(op: IndexedOperation): number {
  return concreteStatuses(op).find((s) => s >= 200 && s < 300) ?? 200;
}

/** Media types of one response, in spec order. */
export function mediaTypesOf(op: IndexedOperation, status: number): string[] {
  return (op.content[String(status)] ?? []).map((e) => e.mediaType);
}

/** Serializes an inlined example value: XML stays the raw text, JSON is pretty-printed. */
export function exampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function xmlRootName(text: string): string | undefined {
  // Skip the prolog, comments and processing instructions; the first element name is the root.
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return m?.[2];
}

/** Does an example fit a component schema at the top level (root element, or property names)? */
function fitsSchema(index: SpecIndex, value: unknown, schemaName: string): boolean {
  const schema = resolveLocal(index.doc, { $ref: `#/components/schemas/${schemaName}` }) as Record<string, any> | undefined;
  if (!schema) return false;
  if (typeof value === 'string') {
    const root = xmlRootName(value);
    return root !== undefined && (root === (schema.xml?.name ?? schemaName));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const props = Object.keys(schema.properties ?? {});
  const keys = Object.keys(value);
  const required: string[] = Array.isArray(schema.required) ? schema.required : [];
  return keys.every((k) => props.includes(k)) && required.every((r) => keys.includes(r));
}

/**
 * Chooses the example of `entry` for the requested representation: the one whose root element or
 * properties fit the selected schema, else the first one.
 */
export function pickExample(index: SpecIndex, entry: MediaTypeEntry, representation?: string): ExampleBody | undefined {
  const values = Object.values(entry.examples)
    .map((ex) => ex?.value)
    .filter((v) => v !== undefined);
  if (values.length === 0) return undefined;
  const chosen = (representation && values.find((v) => fitsSchema(index, v, representation))) ?? values[0];
  return { mediaType: entry.mediaType, text: exampleText(chosen) };
}

/** The first example of any operation for `status` in `mediaType` (fallback bodies for 401/404). */
export function anyExample(index: SpecIndex, status: number, preferredMediaTypes: readonly string[]): ExampleBody | undefined {
  for (const mt of preferredMediaTypes) {
    for (const op of index.operations) {
      const entry = op.content[String(status)]?.find((e) => e.mediaType === mt);
      const body = entry && pickExample(index, entry);
      if (body) return body;
    }
  }
  for (const op of index.operations) {
    for (const entry of op.content[String(status)] ?? []) {
      const body = pickExample(index, entry);
      if (body) return body;
    }
  }
  return undefined;
}
