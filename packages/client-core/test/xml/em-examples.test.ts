// Every EM XML example decodes to exactly its JSON twin (same name, .json), through the generated
// mapping and the operation table's response candidates: the decoder's contract on real documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/xml/index.js';
import { xmlMapping } from '../../../enterprise-manager/src/generated/xml.gen.js';
import { operations } from '../../../enterprise-manager/src/generated/operations.gen.js';

const examples = fileURLToPath(new URL('../../../../specs/enterprise-manager/examples/', import.meta.url));
const table = operations as Record<string, { responses: Record<string, Record<string, readonly string[]>> }>;

/** [operationId/file, candidates] for every XML example that has a JSON twin. */
function pairs(): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = [];
  for (const dir of readdirSync(examples).sort()) {
    for (const file of readdirSync(path.join(examples, dir)).sort()) {
      if (!file.endsWith('.xml') || file.startsWith('request')) continue;
      const status = file.replace(/\.xml$/, '').split('-')[0]!;
      // `_shared` holds the shared error bodies: any root schema may answer.
      const candidates = table[dir]?.responses[status]?.['application/xml'] ?? [];
      out.push([`${dir}/${file}`, candidates]);
    }
  }
  return out;
}

const all = pairs();

describe('EM examples', () => {
  it('exist (the suite cannot pass empty)', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all)('%s decodes to its JSON twin', (file, candidates) => {
    const twin = path.join(examples, file.replace(/\.xml$/, '.json'));
    expect(existsSync(twin), `${file} has no JSON twin`).toBe(true);
    const json: unknown = JSON.parse(readFileSync(twin, 'utf8').replace(/^\uFEFF/, ''));
    const decoded = decodeXml(readFileSync(path.join(examples, file), 'utf8'), xmlMapping, candidates);
    expect(decoded).toStrictEqual(json);
  });
});
