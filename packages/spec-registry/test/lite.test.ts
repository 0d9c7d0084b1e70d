// `@veeam-rest/spec-registry/lite` must not pull in Redocly (seconds of start-up for the contract tool
// running from shipped specs): walk its import graph in the sources.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every module `entry` imports, transitively: local files by path, packages by name. */
function imports(entry: string, seen = new Set<string>()): Set<string> {
  for (const m of readFileSync(entry, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const file = path.resolve(path.dirname(entry), spec.replace(/\.js$/, '.ts'));
    if (seen.has(file)) continue;
    seen.add(file);
    imports(file, seen);
  }
  return seen;
}

it('lite imports only node: modules and its own pure files', () => {
  const all = [...imports(path.join(src, 'lite.ts'))];
  expect(all.filter((m) => !m.startsWith('node:') && !m.startsWith(src))).toEqual([]);
  expect(all.map((m) => (m.startsWith(src) ? path.relative(src, m) : m)).sort()).toEqual(['errors.ts', 'node:fs', 'node:path', 'order.ts', 'root.ts', 'servers.ts']);
});

it('the full entry point does load Redocly (the walk finds it when it is there)', () => {
  expect([...imports(path.join(src, 'index.ts'))]).toContain('@redocly/openapi-core');
});
