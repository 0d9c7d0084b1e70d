// Words for a change: where in the operation (`response 200`, `query parameter `limit``), the media
// type if any, and what happened (``member `$.id` removed``). merge.ts folds repeated lines together.
import type { Diff } from 'api-smart-diff';
import type { Location } from './location.js';
import { nodeAt, type Doc } from './normalize.js';

const VERB = { add: 'added', remove: 'removed', replace: 'changed', rename: 'renamed' } as const;

/** A diff in words. */
export interface Described {
  /** `GET /JobSessions/{id}`, when the change is inside an operation. */
  operation?: string;
  /** The operation's id (after the change, or before it when the operation was removed). */
  operationId?: string;
  /** The part of the operation (`response 200`, `request body`, ``query parameter `limit` ``); empty for the operation itself. */
  where: string;
  /** The media type of a body change. */
  media?: string;
  /** What happened, e.g. ``member `$.id` removed``. */
  what: string;
  /** For one value added to / removed from an enum: the member and the value, so merge.ts can list several. */
  enumItem?: { member: string; value: unknown; whole?: 'added' | 'removed' };
}

/**
 * Describes one diff; `docs` are the normalized documents the diff was computed from.
 * @param wholeEnum set when an enum item diff is really a whole enum restriction added or removed
 */
export function describe(diff: Diff, loc: Location, docs: { before: Doc; after: Doc }, wholeEnum?: 'added' | 'removed'): Described {
  const verb = VERB[diff.action];
  if (!loc.operation) {
    if (loc.part === 'paths') return { where: `path ${String(diff.path[1])}`, what: `${loc.rest.length ? `${loc.rest.join('.')} ` : ''}${verb}` };
    return { where: 'document', what: `${diff.path.join('.') || 'root'} ${verb}${valueChange(diff)}` };
  }
  const { path, method } = loc.operation;
  const operationId = nodeAt(docs.after, ['paths', path, method, 'operationId']) ?? nodeAt(docs.before, ['paths', path, method, 'operationId']);
  return {
    operation: `${method.toUpperCase()} ${path}`,
    ...(typeof operationId === 'string' ? { operationId } : {}),
    ...partText(diff, loc, docs, verb, wholeEnum),
  };
}

/** One line of text for a described change (media types listed after the part). */
export function lineOf(d: Pick<Described, 'where' | 'what'>, media: readonly string[] = []): string {
  const where = d.where + (media.length ? ` (${media.join(', ')})` : '');
  return where ? `${where}: ${d.what}` : d.what;
}

type Part = Pick<Described, 'where' | 'media' | 'what' | 'enumItem'>;

function partText(diff: Diff, loc: Location, docs: { before: Doc; after: Doc }, verb: string, wholeEnum?: 'added' | 'removed'): Part {
  const { rest } = loc;
  switch (loc.part) {
    case 'parameter': {
      // An added or removed array item's index is the differ's merged position, not the document's:
      // read a whole parameter from the diff itself; one changed inside existed before.
      const p = ((rest.length === 0 ? (diff.action === 'add' ? diff.after : diff.before) : nodeAt(docs.before, diff.path.slice(0, 5))) ?? {}) as Doc;
      const where = `${p.in ?? '?'} parameter \`${p.name ?? '?'}\``;
      if (rest.length === 0) return { where, what: `${verb}${diff.action === 'add' ? (p.required ? ' (required)' : ' (optional)') : ''}` };
      if (rest.length === 1 && rest[0] === 'required') return { where, what: `became ${diff.after ? 'required' : 'optional'}` };
      if (loc.schemaPath) return { where, ...schemaText(diff, loc.schemaPath, verb, wholeEnum) };
      return { where, what: `${rest.join('.')} ${verb}${valueChange(diff)}` };
    }
    case 'requestBody': {
      const where = 'request body';
      if (rest.length === 0) return { where, what: verb };
      if (rest.length === 1 && rest[0] === 'required') return { where, what: `became ${diff.after ? 'required' : 'optional'}` };
      if (rest.length === 2 && rest[0] === 'content') return { where, what: `media type ${loc.media} ${verb}` };
      if (loc.schemaPath) return { where, media: loc.media!, ...schemaText(diff, loc.schemaPath, verb, wholeEnum) };
      return { where, what: `${rest.join('.')} ${verb}${valueChange(diff)}` };
    }
    case 'response': {
      const where = `response ${loc.status}`;
      if (rest.length === 0) return { where, what: verb };
      if (rest.length === 2 && rest[0] === 'content') return { where, what: `media type ${loc.media} ${verb}` };
      if (loc.schemaPath) return { where, media: loc.media!, ...schemaText(diff, loc.schemaPath, verb, wholeEnum) };
      if (rest[0] === 'headers' && rest.length >= 2) return { where, what: `header \`${rest[1]}\`${rest.length > 2 ? ` ${rest.slice(2).join('.')}` : ''} ${verb}${valueChange(diff)}` };
      return { where, what: `${rest.join('.')} ${verb}${valueChange(diff)}` };
    }
    default:
      if (rest.length === 0) return { where: '', what: `operation ${verb}` };
      if (rest.length === 1 && rest[0] === 'deprecated') return { where: '', what: diff.after ? 'operation deprecated' : 'operation no longer deprecated' };
      return { where: '', what: `${rest.join('.')} ${verb}${valueChange(diff)}` };
  }
}

/** Text for a change inside a schema, e.g. ``member `$.Links[].Rel` removed``. */
export function schemaText(diff: Diff, schemaPath: readonly (string | number)[], verb: string, wholeEnum?: 'added' | 'removed'): Pick<Described, 'what' | 'enumItem'> {
  let member = '$';
  let i = 0;
  for (; i < schemaPath.length; i++) {
    const seg = schemaPath[i];
    const next = schemaPath[i + 1];
    if (seg === 'properties' && next !== undefined) { member += `.${next}`; i++; }
    else if (seg === 'items') member += '[]';
    else if (seg === 'additionalProperties' && i < schemaPath.length - 1) member += '.*';
    else if ((seg === 'oneOf' || seg === 'anyOf' || seg === 'allOf') && next !== undefined && i + 2 < schemaPath.length) i++;
    else break;
  }
  const keyword = schemaPath[i];
  const tail = schemaPath.slice(i + 1);
  if (keyword === undefined) return { what: schemaPath.length === 0 ? `schema ${verb}` : `member \`${member}\` ${verb}` };
  if (keyword === 'required' && tail.length === 1) {
    if (diff.action === 'add') return { what: `member \`${member}.${String(diff.after)}\` became required` };
    if (diff.action === 'remove') return { what: `member \`${member}.${String(diff.before)}\` became optional` };
    return { what: `required member \`${String(diff.before)}\` of \`${member}\` replaced by \`${String(diff.after)}\`` };
  }
  if (keyword === 'enum' && tail.length === 1 && diff.action !== 'replace' && diff.action !== 'rename') {
    const value = diff.action === 'add' ? diff.after : diff.before;
    return { what: enumText(member, diff.action, [value], wholeEnum), enumItem: { member, value, ...(wholeEnum ? { whole: wholeEnum } : {}) } };
  }
  if (keyword === 'enum' && tail.length === 1) return { what: `\`${member}\`: allowed value ${fmt(diff.before)} became ${fmt(diff.after)}` };
  if ((keyword === 'oneOf' || keyword === 'anyOf') && tail.length === 1) {
    const variant = diff.action === 'add' ? diff.after : diff.before;
    const ref = typeof variant?.$ref === 'string' ? variant.$ref.split('/').pop() : undefined;
    return { what: `${keyword} variant ${ref ? `\`${ref}\`` : fmt(variant)} of \`${member}\` ${verb}` };
  }
  if (keyword === 'deprecated') return { what: diff.after ? `\`${member}\` deprecated` : `\`${member}\` no longer deprecated` };
  return { what: `${[keyword, ...tail].join('.')} of \`${member}\` ${verb}${valueChange(diff)}` };
}

/** Enum changes of one member, e.g. ``\`$.State\` allows "Queued", "Idle"``. */
export function enumText(member: string, action: 'add' | 'remove', values: readonly unknown[], whole?: 'added' | 'removed'): string {
  const list = listValues(values);
  if (whole === 'added') return `\`${member}\` restricted to ${values.length === 1 ? 'one value' : `${values.length} values`}: ${list}`;
  if (whole === 'removed') return `\`${member}\` no longer restricted to an enum (was ${list})`;
  return action === 'add' ? `\`${member}\` allows ${list}` : `\`${member}\` no longer allows ${list}`;
}

/** At most 6 values, then how many more. */
function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 6).map(fmt).join(', ');
  return values.length > 6 ? `${shown} (+${values.length - 6} more)` : shown;
}

function valueChange(diff: Diff): string {
  if (diff.action === 'replace') return `: ${fmt(diff.before)} -> ${fmt(diff.after)}`;
  if (diff.action === 'add' && isScalar(diff.after)) return ` (${fmt(diff.after)})`;
  if (diff.action === 'remove' && isScalar(diff.before)) return ` (was ${fmt(diff.before)})`;
  return '';
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v);

function fmt(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
