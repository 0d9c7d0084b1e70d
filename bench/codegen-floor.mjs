// The floor of code generation, run as a fresh process by codegen.bench.ts: read and parse every spec
// file of the given API folders (what any generator has to do before it can emit a line), and nothing
// else. YAML goes through the js-yaml that tools/codegen's @redocly/openapi-core parses with (resolved
// through it, so the floor is Redocly's own parser, not a slower one), JSON through JSON.parse.
// Folders are arguments; `upstream/` (vendor documents, not read by codegen) is skipped.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// openapi-core's exports hide its package.json: locate its folder through codegen's node_modules link.
const redocly = realpathSync(new URL('../tools/codegen/node_modules/@redocly/openapi-core', import.meta.url));
const fromRedocly = createRequire(path.join(redocly, 'package.json'));
const { load } = await import(fromRedocly.resolve('js-yaml'));

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'upstream') walk(p); continue; }
    if (!/\.(ya?ml|json)$/.test(e.name)) continue;
    const text = readFileSync(p, 'utf8');
    if (p.endsWith('.json')) JSON.parse(text);
    else load(text);
    files++;
    bytes += text.length;
  }
};
for (const dir of process.argv.slice(2)) walk(dir);
process.stdout.write(JSON.stringify({ files, bytes }));
