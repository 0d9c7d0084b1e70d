/**
 * Content negotiation for the mock server: picks one of the media types an operation declares from the
 * request's Accept header (RFC 9110 q-values, `type/*`, `*\/*`).
 */

interface Range { type: string; q: number }

function parseAccept(header: string): Range[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { type, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((r) => r.type !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q);
}

function rangeMatches(range: string, mediaType: string): boolean {
  if (range === '*/*') return true;
  if (range.endsWith('/*')) return mediaType.startsWith(range.slice(0, -1));
  return range === mediaType;
}

/**
 * Returns the media type to answer with, or undefined when the Accept header excludes all of them
 * (the caller answers 406).
 * @param available media types the operation declares, lower-case, in spec order
 * @param preferred the product's default when the client accepts anything (EM answers XML)
 */
export function negotiate(accept: string | undefined, available: readonly string[], preferred: string): string | undefined {
  if (available.length === 0) return undefined;
  const fallback = available.includes(preferred) ? preferred : available[0]!;
  if (!accept || accept.trim() === '') return fallback;
  for (const range of parseAccept(accept)) {
    if (range.type === '*/*') return fallback;
    const hit = available.find((mt) => rangeMatches(range.type, mt));
    if (hit) return hit;
  }
  return undefined;
}
