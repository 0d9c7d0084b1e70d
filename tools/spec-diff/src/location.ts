// Where a diff path points in an OpenAPI document: which operation, which part of it, and the path
// inside a schema, so the audiences can be told apart (a response is read by clients and validated by
// the contract checks; a request is written by clients).

/** A diff path (`['paths', '/Jobs/{id}', 'get', 'responses', '200', ...]`). */
export type DiffPath = readonly (string | number)[];

/** The parsed location of a diff. */
export interface Location {
  /** `GET /Jobs/{id}` when the diff is inside an operation (or is one). */
  operation?: { path: string; method: string };
  /**
   * - `paths`: a whole path item (all its operations) added or removed
   * - `operation`: the operation itself or one of its own fields (`deprecated`, `security`...)
   * - `parameter` / `requestBody` / `response`: the named part
   * - `document`: anything outside `paths`
   */
  part: 'paths' | 'operation' | 'parameter' | 'requestBody' | 'response' | 'document';
  /** Index into the (normalized) operation's `parameters`. */
  parameterIndex?: number;
  status?: string;
  media?: string;
  /** Segments below `schema` when the diff is inside a parameter/body/response schema. */
  schemaPath?: (string | number)[];
  /** Segments below the part (or below the operation for `operation`). */
  rest: (string | number)[];
}

export const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Parses a diff path of an OpenAPI document. */
export function locate(path: DiffPath): Location {
  if (path[0] !== 'paths' || path.length < 2) return { part: 'document', rest: [...path] };
  if (path.length === 2) return { part: 'paths', rest: [] };
  const method = String(path[2]);
  if (!HTTP_METHODS.has(method)) return { part: 'paths', rest: path.slice(2) };
  const operation = { path: String(path[1]), method };
  const [section, ...below] = path.slice(3);
  const schemaBelow = (segs: (string | number)[], at: number) => (segs[at] === 'schema' ? { schemaPath: segs.slice(at + 1) } : {});
  switch (section) {
    case 'parameters':
      if (below.length === 0) return { operation, part: 'operation', rest: path.slice(3) };
      return { operation, part: 'parameter', parameterIndex: Number(below[0]), rest: below.slice(1), ...schemaBelow(below, 1) };
    case 'requestBody':
      return below[0] === 'content' && below.length >= 2
        ? { operation, part: 'requestBody', media: String(below[1]), rest: below, ...schemaBelow(below, 2) }
        : { operation, part: 'requestBody', rest: below };
    case 'responses':
      if (below.length === 0) return { operation, part: 'operation', rest: path.slice(3) };
      return below[1] === 'content' && below.length >= 3
        ? { operation, part: 'response', status: String(below[0]), media: String(below[2]), rest: below.slice(1), ...schemaBelow(below, 3) }
        : { operation, part: 'response', status: String(below[0]), rest: below.slice(1) };
    default:
      return { operation, part: 'operation', rest: path.slice(3) };
  }
}
