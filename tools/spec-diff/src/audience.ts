// The two audiences of a spec change and the few places where api-smart-diff's classification is
// refined for them:
// - clients: users of the generated clients. They write requests and read responses, so api-smart-diff's
//   default OpenAPI rules (narrowing a request or widening a response breaks them) fit.
// - contract: users of the contract checks. They validate what a server sends against the response
//   schemas, i.e. a response schema is an input filter: narrowing it breaks them (recordings that passed
//   now fail), widening it does not. classify.ts runs api-smart-diff a second time with response schemas
//   under request rules for this.
// Refined here: `type` changes (api-smart-diff rates every replaced `type` alike, whichever way it
// moves), an enum restriction added or dropped as a whole (it sees one value added per item), and
// member additions/removals (our schemas are closed, `additionalProperties: false`, so a removed
// member rejects bodies that still carry it).
import type { Diff } from 'api-smart-diff';
import type { Location } from './location.js';
import { nodeAt, type Doc } from './normalize.js';

/** How a change affects one audience. */
export type Impact = 'breaking' | 'non-breaking' | 'deprecated' | 'annotation' | 'unclassified';

/** A change's impact on each audience. */
export interface Impacts {
  clients: Impact;
  contract: Impact;
}

/** Whether a schema describes what the server sends (response) or what the client sends (request). */
export type Side = 'request' | 'response';

/** The side of an operation-level location, if it is inside a body or parameter. */
export function sideOf(loc: Location): Side | undefined {
  return loc.part === 'response' ? 'response' : loc.part === 'parameter' || loc.part === 'requestBody' ? 'request' : undefined;
}

/** The stronger of two impacts (breaking > deprecated > unclassified > non-breaking > annotation). */
export function worst(a: Impact, b: Impact): Impact {
  const rank: Impact[] = ['annotation', 'non-breaking', 'unclassified', 'deprecated', 'breaking'];
  return rank.indexOf(a) >= rank.indexOf(b) ? a : b;
}

/** How the set of values a `type` allows moved. */
export type TypeMove = 'same' | 'wider' | 'narrower' | 'different';

/**
 * Final impacts of one diff.
 * @param forClients api-smart-diff's type with its default rules
 * @param forContract its type with response schemas rated as input
 */
export function refineImpacts(
  diff: Diff,
  side: Side | undefined,
  schemaPath: readonly (string | number)[] | undefined,
  forClients: Impact,
  forContract: Impact,
  docs: { before: Doc; after: Doc },
): Impacts {
  if (side && schemaPath && schemaPath.length > 0) {
    const typeAt = schemaPath.lastIndexOf('type');
    if (typeAt >= 0 && typeAt >= schemaPath.length - 2) {
      const nodePath = diff.path.slice(0, diff.path.length - (schemaPath.length - typeAt));
      const move = typeMove(typeOf(diff, 'before', nodePath, docs.before), typeOf(diff, 'after', nodePath, docs.after));
      if (move) return typeImpacts(side, move);
    }
    const whole = wholeEnum(diff, schemaPath, docs);
    if (whole) return enumImpacts(side, whole);
    const closing = closedMove(diff, schemaPath);
    // Dropping the restriction breaks nobody: the generated types ignore unknown members either way.
    if (closing) return closing === 'wider' ? { clients: 'non-breaking', contract: 'non-breaking' } : typeImpacts(side, 'narrower');
    const member = schemaPath[schemaPath.length - 2] === 'properties' && (diff.action === 'add' || diff.action === 'remove');
    if (member && side === 'response') {
      const closed = isClosed(nodeAt(docs.before, diff.path.slice(0, -2)));
      return { clients: forClients, contract: diff.action === 'add' || !closed ? 'non-breaking' : 'breaking' };
    }
    if (member && side === 'request' && diff.action === 'remove') {
      // The generated request type loses the member: code that sets it stops compiling.
      return { clients: 'breaking', contract: 'breaking' };
    }
  }
  return { clients: forClients, contract: forContract };
}

/**
 * `added` when an enum item diff is really a new enum restriction (the schema had no `enum` before:
 * api-smart-diff reports each value as added, rated like a value added to an existing list), `removed`
 * when the restriction went away. Undefined for changes inside an enum that stays.
 */
export function wholeEnum(diff: Diff, schemaPath: readonly (string | number)[], docs: { before: Doc; after: Doc }): 'added' | 'removed' | undefined {
  if (schemaPath[schemaPath.length - 2] !== 'enum' || (diff.action !== 'add' && diff.action !== 'remove')) return undefined;
  const nodePath = diff.path.slice(0, -2);
  const other = diff.action === 'add' ? docs.before : docs.after;
  const node = nodeAt(other, nodePath);
  if (!node || typeof node !== 'object' || Array.isArray((node as Doc).enum)) return undefined;
  return diff.action === 'add' ? 'added' : 'removed';
}

/**
 * `additionalProperties: false` / `unevaluatedProperties: false` added (narrower: bodies with other
 * members are rejected) or dropped (wider). api-smart-diff rates these keywords as never breaking input.
 */
export function closedMove(diff: Diff, schemaPath: readonly (string | number)[]): 'narrower' | 'wider' | undefined {
  const keyword = schemaPath[schemaPath.length - 1];
  if (keyword !== 'additionalProperties' && keyword !== 'unevaluatedProperties') return undefined;
  const closedBefore = diff.action !== 'add' && diff.before === false;
  const closedAfter = diff.action !== 'remove' && diff.after === false;
  if (closedBefore === closedAfter) return undefined;
  return closedAfter ? 'narrower' : 'wider';
}

/** Impacts of an enum restriction added (narrower) or removed (wider). */
export function enumImpacts(side: Side, whole: 'added' | 'removed'): Impacts {
  return typeImpacts(side, whole === 'added' ? 'narrower' : 'wider');
}

/** Impacts of a `type` move, by whether the schema describes what the server sends or receives. */
export function typeImpacts(side: Side, move: TypeMove): Impacts {
  if (move === 'same') return { clients: 'annotation', contract: 'annotation' };
  if (move === 'different') return { clients: 'breaking', contract: 'breaking' };
  if (side === 'response') {
    // Wider: clients get values their code never handled (e.g. null). Narrower: recordings that passed fail.
    return move === 'wider' ? { clients: 'breaking', contract: 'non-breaking' } : { clients: 'non-breaking', contract: 'breaking' };
  }
  const impact = move === 'wider' ? 'non-breaking' : 'breaking';
  return { clients: impact, contract: impact };
}

/**
 * Compares two `type` values (a name, a list of names, or undefined for "any type"); `integer` is a
 * subset of `number`. Undefined when a side is not a valid type value.
 */
export function typeMove(before: unknown, after: unknown): TypeMove | undefined {
  const b = typeSet(before);
  const a = typeSet(after);
  if (b === null || a === null) return undefined;
  const covers = (set: Set<string> | undefined, t: string) => set === undefined || set.has(t) || (t === 'integer' && set.has('number'));
  const all = (from: Set<string> | undefined, to: Set<string> | undefined) => (from === undefined ? to === undefined : [...from].every((t) => covers(to, t)));
  const widerOrSame = all(b, a);
  const narrowerOrSame = all(a, b);
  if (widerOrSame && narrowerOrSame) return 'same';
  if (widerOrSame) return 'wider';
  if (narrowerOrSame) return 'narrower';
  return 'different';
}

/** undefined: any type; null: not a type value. */
function typeSet(t: unknown): Set<string> | undefined | null {
  if (t === undefined) return undefined;
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t) && t.every((x) => typeof x === 'string')) return new Set(t as string[]);
  return null;
}

/** The whole `type` of the schema on one side: from the document, else the diff's own value. */
function typeOf(diff: Diff, side: 'before' | 'after', nodePath: readonly (string | number)[], doc: Doc): unknown {
  const node = nodeAt(doc, nodePath);
  if (node && typeof node === 'object') return (node as Doc).type;
  // The differ merged allOf parts, so the node is not in our copy: a whole-`type` diff carries it.
  const whole = diff.path[diff.path.length - 1] === 'type';
  if (whole) return diff[side];
  return null;
}

/**
 * A schema that rejects members it does not list. One the differ merged out of allOf parts is not in
 * our copy: it counts as closed, our house rule for every schema.
 */
function isClosed(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return true;
  const s = schema as Doc;
  return s.additionalProperties === false || s.unevaluatedProperties === false;
}
