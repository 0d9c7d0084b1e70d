import { defaultPathSerializer } from 'openapi-fetch';

/** Templates remembered per client; the spec's paths are far fewer, so the cap only bounds odd callers. */
const MAX_TEMPLATES = 1000;
const PARAM = /\{([^{}]+)\}/g;

/**
 * openapi-fetch's default path serializer, with each URL template split into literals and parameter
 * names once instead of on every call (the regex scan and `replace` chain cost several µs per call).
 * Plain `{name}` parameters with primitive values are encoded exactly as the default does
 * (`encodeURIComponent`, a missing value leaves `{name}` as is); everything else (label, matrix,
 * exploded, array or object values) goes to
 * openapi-fetch's own serializer, so the output never differs from it.
 */
export function createPathSerializer(): (pathname: string, pathParams: Record<string, unknown>) => string {
  // [literal, name, literal, name, ..., literal]; null when a parameter is not a plain `{name}`.
  const templates = new Map<string, string[] | null>();
  return (pathname, pathParams) => {
    let parts = templates.get(pathname);
    if (parts === undefined) {
      parts = split(pathname);
      if (templates.size < MAX_TEMPLATES) templates.set(pathname, parts);
    }
    if (parts === null) return defaultPathSerializer(pathname, pathParams);
    let url = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = pathParams[name];
      if (value === undefined || value === null) url += `{${name}}`;
      else if (typeof value === 'object') return defaultPathSerializer(pathname, pathParams);
      else url += encodeURIComponent(value as string | number | boolean);
      url += parts[i + 1]!;
    }
    return url;
  };
}

function split(pathname: string): string[] | null {
  const parts: string[] = [];
  let last = 0;
  for (const match of pathname.matchAll(PARAM)) {
    const name = match[1]!;
    if (/^[.;]|\*$/.test(name)) return null;
    parts.push(pathname.slice(last, match.index), name);
    last = match.index + match[0].length;
  }
  parts.push(pathname.slice(last));
  return parts;
}
