// Check 3: mutated copies of every seed example must be rejected, proving the schemas (and the XSD)
// are not permissive. Mutation sites are found from the schema; a surviving mutant is reported.
import { schemaNames, type Validator } from '@veeam-rest/contract-tests';
import type { ExampleCase } from '../examples.js';
import type { CheckResult, Finding } from '../findings.js';
import { jsonMutants, type Mutant } from '../mutate/json.js';
import { xmlMutants } from '../mutate/xml.js';

/** The component schema an example is checked against (representation, `$ref`, or the matching oneOf member). */
function rootSchema(v: Validator, ex: ExampleCase): { name: string; schema: any } | undefined {
  const doc = v.indexes.get(ex.api)!.doc;
  const names = ex.target.representation ? [ex.target.representation] : schemaNames(ex.entry.schema);
  const schemas = doc.components?.schemas ?? {};
  if (ex.json === undefined) {
    const rootTag = /<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(ex.body.replace(/^(\s*<\?[^>]*\?>|\s*<!--[\s\S]*?-->)*/, ''))?.[1];
    const hit = names.find((n) => (schemas[n]?.xml?.name ?? n) === rootTag);
    return hit ? { name: hit, schema: schemas[hit] } : undefined;
  }
  if (names.length === 1) return { name: names[0]!, schema: schemas[names[0]!] };
  return ex.entry.schema ? { name: '(inline)', schema: ex.entry.schema } : undefined;
}

/** Builds the mutants of every seed example and checks each is rejected. */
export async function mutationCheck(v: Validator, examples: ExampleCase[]): Promise<CheckResult> {
  const seeds = examples.filter((e) => e.origin === 'seed');
  const jobs: { ex: ExampleCase; m: Mutant }[] = [];
  const failures: Finding[] = [];
  const notes: string[] = [];
  for (const ex of seeds) {
    const doc = v.indexes.get(ex.api)!.doc;
    const root = rootSchema(v, ex);
    if (!root) { failures.push({ file: ex.file, message: `${ex.label}: cannot tell which schema the seed example follows` }); continue; }
    const mutants = ex.json !== undefined ? jsonMutants(doc, root.schema, ex.json) : xmlMutants(doc, root.schema, ex.body);
    if (mutants.length === 0) failures.push({ file: ex.file, message: `${ex.label}: no mutation site found (schema ${root.name} constrains nothing the example uses)` });
    for (const m of mutants) jobs.push({ ex, m });
    // Not a failure (the schema may have nothing of that kind), but worth seeing: a candidate for a
    // tighter schema (e.g. an enum for EM `Type` attributes).
    const missing = (['enum', 'required', 'type'] as const).filter((k) => !mutants.some((m) => m.kind === k));
    if (missing.length > 0 && mutants.length > 0) notes.push(`${ex.label}: no ${missing.join('/')} site in schema ${root.name} for the values this example uses`);
  }
  const results = await v.validateTargets(jobs.map(({ ex, m }) => ({ target: ex.target, body: m.body })));
  jobs.forEach(({ ex, m }, i) => {
    if (results[i]!.ok) failures.push({ file: ex.file, position: m.where, message: `${ex.label}: mutant survived (${m.kind}: ${m.description}); the schema accepts it` });
  });
  const kinds = jobs.reduce<Record<string, number>>((acc, j) => ({ ...acc, [j.m.kind]: (acc[j.m.kind] ?? 0) + 1 }), {});
  return {
    name: 'mutation',
    summary: `${seeds.length} seed examples, ${jobs.length} mutants (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}), ${failures.length} survived or unusable`,
    failures,
    notes,
  };
}
