import { VeeamResponseError } from './errors.js';
import type { OperationInfo } from './table.js';
import { decodeUtf8 } from './utf8.js';
import { decodeXml, XmlDecodeError, type XmlMapping } from './xml/index.js';

/** Response media the client asks for. `xml` is offered by Enterprise Manager only. */
export type Format = 'json' | 'xml';

/** Accept header per format. */
export const ACCEPT: Record<Format, string> = { json: 'application/json', xml: 'application/xml' };


/** What decoding a body needs to know about the call. */
export interface DecodeContext {
  operationId: string;
  operation: OperationInfo | undefined;
  format: Format;
  query: Record<string, unknown> | undefined;
  /** Generated XML mapping of the product; undefined for JSON-only products. */
  xmlMapping: XmlMapping | undefined;
  /** Date.now() value after which decoding stops (the call's timeout); undefined without a timeout. */
  deadline?: number | undefined;
  /** The call's signal: an abort stops decoding. */
  signal?: AbortSignal | undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const XML_TYPE = /^(?:application|text)\/(?:[\w.+-]+\+)?xml\b/i;

/**
 * Decodes a 2xx body (the raw bytes, strict UTF-8) into the documented type, or throws a
 * VeeamResponseError naming the operation. An empty body gives `undefined` when the spec documents no
 * content for the status (204, 202 without a body) and `empty-body` when it does.
 */
export function decodeSuccess(bytes: ArrayBuffer | undefined, response: Response, ctx: DecodeContext): unknown {
  if (bytes === undefined || bytes.byteLength === 0) {
    const documented = documentedMedia(ctx.operation, response.status);
    if (documented.length === 0) return undefined;
    throw new VeeamResponseError(
      'empty-body',
      `${ctx.operationId}: the ${response.status} response has an empty body; the spec documents ${documented.join(' or ')} content for it.`,
      { status: response.status, operationId: ctx.operationId, contentType: response.headers.get('content-type') ?? '' },
    );
  }
  const contentType = response.headers.get('content-type') ?? '';
  const expected = ctx.format === 'xml' ? XML_TYPE : JSON_TYPE;
  if (!expected.test(contentType)) {
    throw new VeeamResponseError(
      'unexpected-content-type',
      `${ctx.operationId}: expected ${ACCEPT[ctx.format]} but the server sent ${contentType ? `"${contentType}"` : 'no Content-Type'} (status ${response.status}).`,
      { status: response.status, operationId: ctx.operationId, contentType },
    );
  }
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch (cause) {
    throw undecodable(ctx, response, ctx.format, cause);
  }
  return decodeBody(text, response, ctx, ctx.format);
}

/** Decodes an error body like a success body when possible; keeps the raw text otherwise. */
export function decodeErrorBody(raw: unknown, response: Response, ctx: DecodeContext): unknown {
  if (typeof raw !== 'string' || raw === '') return raw;
  const contentType = response.headers.get('content-type') ?? '';
  if (!XML_TYPE.test(contentType) || !ctx.xmlMapping) return raw;
  try {
    return decodeBody(raw, response, ctx, 'xml');
  } catch (error) {
    if (!(error instanceof VeeamResponseError)) throw error; // a timeout or abort while decoding
    return raw; // an error page the spec does not describe: the text is the most useful thing to give
  }
}

function decodeBody(text: string, response: Response, ctx: DecodeContext, format: Format): unknown {
  // EM may prefix bodies with a UTF-8 BOM; decodeUtf8 drops it, an error body read as text might keep it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    if (format === 'json') return JSON.parse(body);
    if (!ctx.xmlMapping) throw new Error('this client has no XML mapping (only enterprise-manager serves XML)');
    return decodeXml(body, ctx.xmlMapping, xmlCandidates(ctx, response.status), { deadline: ctx.deadline, signal: ctx.signal });
  } catch (cause) {
    // A timeout or abort during decoding is the call's, not the body's: the client reports it as such.
    if (cause instanceof XmlDecodeError && cause.code === 'timeout') throw cause;
    if (ctx.signal?.aborted && cause === ctx.signal.reason) throw cause;
    throw undecodable(ctx, response, format, cause);
  }
}

function undecodable(ctx: DecodeContext, response: Response, format: Format, cause: unknown): VeeamResponseError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new VeeamResponseError('undecodable-body', `${ctx.operationId}: cannot decode the ${format.toUpperCase()} body of the ${response.status} response: ${reason}`, {
    status: response.status,
    operationId: ctx.operationId,
    contentType: response.headers.get('content-type') ?? '',
    cause,
  });
}

/** Media types the spec documents for a status (exact code, else its `2XX` range); empty when none. */
function documentedMedia(operation: OperationInfo | undefined, status: number): string[] {
  const responses = operation?.responses;
  if (!responses) return [];
  return Object.keys(responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? {});
}

/** Component schemas the XML body may be, narrowed by the representation the query selected. */
export function xmlCandidates(ctx: Pick<DecodeContext, 'operation' | 'query'>, status: number): readonly string[] {
  const responses = ctx.operation?.responses ?? {};
  const byMedia = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default ?? {};
  const key = Object.keys(byMedia).find((m) => XML_TYPE.test(m)) ?? Object.keys(byMedia)[0];
  const candidates = key ? (byMedia[key] ?? []) : [];
  const reps = ctx.operation?.representations;
  if (!reps || status < 200 || status > 299) return candidates;
  const value = ctx.query?.[reps.parameter];
  const chosen = value === undefined || value === null ? reps.default : reps.values[String(value)];
  return chosen ? [chosen] : candidates;
}
