// Collects the XML examples of a loaded validator (inlined by the Redocly decorator) for the parity test.
import { isXml, type Validator } from '../../src/index.js';

/** One XML example with where it came from. */
export interface XmlExample { name: string; xml: string; namespace: string; seed: boolean; /** The API (alias) it belongs to. */ api: string }

/** Every distinct string-valued example under an XML media type, across APIs. */
export function xmlExamples(v: Validator): XmlExample[] {
  const out: XmlExample[] = [];
  const seen = new Set<string>();
  for (const [api, index] of v.indexes) {
    for (const op of index.operations) {
      for (const [status, entries] of Object.entries(op.content)) {
        for (const e of entries) {
          if (!isXml(e.mediaType)) continue;
          for (const [name, ex] of Object.entries(e.examples)) {
            if (typeof ex.value !== 'string' || seen.has(ex.value)) continue;
            seen.add(ex.value);
            const ns = /xmlns\s*=\s*"([^"]*)"/.exec(ex.value)?.[1] ?? '';
            out.push({ name: `${api} ${op.operationId} ${status} ${e.mediaType} ${name}`, xml: ex.value, namespace: ns, seed: ex['x-veeam-origin'] === 'seed', api });
          }
        }
      }
    }
  }
  return out;
}
