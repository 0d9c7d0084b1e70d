// Classifies every change between two bundled documents for both audiences, with api-smart-diff
// (a maintained OpenAPI 3.x differ with breaking/non-breaking rules) doing the diffing. Three runs:
// 1. its default rules: operations as clients see them (requests written, responses read), and schema
//    components rated as input;
// 2. response schemas rated as input: operations as the contract checks see them;
// 3. schema components rated as responses: components as clients reading responses see them.
// A change inside a schema component is reported once, under the component, for the sides of the
// operations that use it; under the operations, the differ's copies of it (it resolves $refs) are left out.
import { allBreaking, apiDiff, openapi3Rules, openApiSchemaRules, type CompareRules, type Diff } from 'api-smart-diff';
import { refineImpacts, sideOf, wholeEnum, worst, type Impact, type Impacts, type Side } from './audience.js';
import { describe, schemaText } from './describe.js';
import { locate } from './location.js';
import { fold, type Change, type RawChange } from './merge.js';
import { alignOperations, normalizeDoc, type Doc } from './normalize.js';
import { schemaRefName, schemaUsage, type Usage } from './usage.js';

export type { Change } from './merge.js';

const VERB = { add: 'added', remove: 'removed', replace: 'changed', rename: 'renamed' } as const;

/** Classifies every change from `before` to `after` (bundled OpenAPI 3.x documents). */
export function classify(before: Doc, after: Doc): Change[] {
  const docs = { before: normalizeDoc(before), after: normalizeDoc(after) };
  alignOperations(docs.before, docs.after);
  // api-smart-diff is handed its own copies: it swaps nodes in and out of the documents while crawling.
  const run = (rules?: CompareRules) => apiDiff(structuredClone(docs.before), structuredClone(docs.after), rules ? { rules } : {});
  const byDefault = run();
  const asInput = typeIndex(run(contractRules()));
  const asResponse = typeIndex(run(componentResponseRules()));
  const usage = mergeUsage(schemaUsage(docs.before), schemaUsage(docs.after));

  const raw: RawChange[] = [];
  for (const diff of byDefault) {
    if (crossesSameSchemaRef(diff.path, docs)) continue;
    const base = { action: diff.action, pointer: pointer(diff.path) };
    if (diff.path[0] === 'paths') {
      const loc = locate(diff.path);
      if (isDocumentation(diff.path)) {
        raw.push({ ...describe(diff, loc, docs), ...base, clients: 'annotation', contract: 'annotation' });
        continue;
      }
      const impacts = refineImpacts(diff, sideOf(loc), loc.schemaPath, diff.type as Impact, asInput.get(key(diff)) ?? (diff.type as Impact), docs);
      const whole = loc.schemaPath ? wholeEnum(diff, loc.schemaPath, docs) : undefined;
      raw.push({ ...describe(diff, loc, docs, whole), ...base, ...impacts });
    } else if (diff.path[0] === 'components' && diff.path[1] === 'schemas' && diff.path.length > 3) {
      const name = String(diff.path[2]);
      const used = usage.get(name);
      if (!used) continue; // referenced by no operation on either side: nobody can notice
      const schemaPath = diff.path.slice(3);
      if (isDocumentation(schemaPath)) {
        raw.push({ where: `schema ${name}`, usedBy: usedBy(used), ...schemaText(diff, schemaPath, VERB[diff.action]), ...base, clients: 'annotation', contract: 'annotation' });
        continue;
      }
      const impacts = componentImpacts(diff, schemaPath, used, asInput.get(key(diff)) ?? (diff.type as Impact), asResponse.get(key(diff)) ?? (diff.type as Impact), docs);
      const whole = wholeEnum(diff, schemaPath, docs);
      raw.push({ where: `schema ${name}`, usedBy: usedBy(used), ...schemaText(diff, schemaPath, VERB[diff.action], whole), ...base, ...impacts });
    } else if (diff.path[0] !== 'components') {
      const loc = locate(diff.path);
      raw.push({ ...describe(diff, loc, docs), ...base, clients: diff.type as Impact, contract: diff.type as Impact });
    }
  }
  return fold(raw);
}

/** Keywords whose subtree is documentation wherever it sits (unless it names a schema member). */
const DOC_KEYS = new Set(['example', 'examples', 'externalDocs', 'description', 'summary', 'title', 'x-veeam-origin']);

/**
 * Examples and documentation are data for readers, not contract: api-smart-diff rates the examples node
 * itself as an annotation but a value changed inside one as "unclassified".
 */
export function isDocumentation(path: readonly (string | number)[]): boolean {
  return path.some((seg, i) => typeof seg === 'string' && DOC_KEYS.has(seg) && path[i - 1] !== 'properties');
}

/** A component change rated for each side that uses it; the stronger impact wins. */
function componentImpacts(diff: Diff, schemaPath: (string | number)[], used: Usage, asInput: Impact, asResponse: Impact, docs: { before: Doc; after: Doc }): Impacts {
  const sides: Side[] = [...(used.response.size ? (['response'] as const) : []), ...(used.request.size ? (['request'] as const) : [])];
  let out: Impacts | undefined;
  for (const side of sides) {
    // Responses: clients read them (response rules), the contract checks filter them (input rules).
    // Requests: clients write them (input rules), and so do the mock and the recorder.
    const i = refineImpacts(diff, side, schemaPath, side === 'response' ? asResponse : asInput, asInput, docs);
    out = out ? { clients: worst(out.clients, i.clients), contract: worst(out.contract, i.contract) } : i;
  }
  return out!;
}

/** `responses of GET /a, GET /b; requests of POST /c` */
function usedBy(u: Usage): string[] {
  return [...[...u.response].map((o) => `response of ${o}`), ...[...u.request].map((o) => `request of ${o}`)];
}

function mergeUsage(a: Map<string, Usage>, b: Map<string, Usage>): Map<string, Usage> {
  const out = new Map<string, Usage>();
  for (const m of [a, b]) {
    for (const [name, u] of m) {
      const o = out.get(name) ?? { response: new Set<string>(), request: new Set<string>() };
      for (const x of u.response) o.response.add(x);
      for (const x of u.request) o.request.add(x);
      out.set(name, o);
    }
  }
  return out;
}

/**
 * True when the diff lies inside a schema component that both sides reference at the same place: the
 * change is reported under the component itself. (When the reference itself changed, A to B, the
 * differ's comparison of A's and B's contents is the change, and it stays.)
 */
export function crossesSameSchemaRef(path: readonly (string | number)[], docs: { before: Doc; after: Doc }): boolean {
  let b: any = docs.before;
  let a: any = docs.after;
  for (let i = 0; i < path.length; i++) {
    const rb = schemaRefName(b?.$ref);
    const ra = schemaRefName(a?.$ref);
    if (rb !== undefined && rb === ra) return true;
    b = follow(docs.before, b)?.[path[i]!];
    a = follow(docs.after, a)?.[path[i]!];
  }
  return false;
}

/** A node with a local `$ref` replaced by its target (one level is enough: targets are not bare refs). */
function follow(doc: Doc, node: any): any {
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  return node.$ref.slice(2).split('/').reduce((o: any, k: string) => o?.[decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/**
 * api-smart-diff's OpenAPI rules with response schemas rated like request schemas: for the contract
 * checks a response schema filters input, so narrowing it is what breaks.
 */
export function contractRules(): CompareRules {
  const rules = openapi3Rules() as any;
  const content = rules?.['/paths']?.['/*']?.['/*']?.['/responses']?.['/*']?.['/content'];
  if (typeof content?.['/*']?.['/schema'] !== 'function') throw layoutChanged('paths/*/*/responses/*/content/*/schema');
  content['/*'] = { ...content['/*'], '/schema': () => ({ ...openApiSchemaRules(), $: allBreaking }) };
  return rules as CompareRules;
}

/** api-smart-diff's OpenAPI rules with schema components rated as responses (read by clients). */
export function componentResponseRules(): CompareRules {
  const rules = openapi3Rules() as any;
  const schemas = rules?.['/components']?.['/schemas'];
  if (typeof schemas?.['/*'] !== 'function') throw layoutChanged('components/schemas/*');
  const own = schemas['/*']();
  schemas['/*'] = () => ({ ...openApiSchemaRules({ response: true }), $: own.$ });
  return rules as CompareRules;
}

function layoutChanged(where: string): Error {
  return new Error(`api-smart-diff: its OpenAPI rule layout changed (${where}); update tools/spec-diff/src/classify.ts`);
}

function typeIndex(diffs: readonly Diff[]): Map<string, Impact> {
  return new Map(diffs.map((d) => [key(d), d.type as Impact]));
}

const key = (d: Diff) => `${d.action}\u0000${d.path.join('\u0000')}`;

function pointer(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
