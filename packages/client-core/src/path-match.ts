/** A compiled path template such as `/backupSessions/{ID}`. */
export interface PathTemplate {
  readonly template: string;
  readonly segments: readonly ({ literal: string } | { param: string })[];
  /** Literal segment count: more literals win when two templates match (`/jobs/list` over `/jobs/{id}`). */
  readonly specificity: number;
}

/** Splits a path into segments, ignoring a trailing slash (`/sessionMngr/` equals `/sessionMngr`). */
function split(path: string): string[] {
  return path.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1));
}

/** Compiles a template once; `{name}` segments capture. */
export function compileTemplate(template: string): PathTemplate {
  const segments = split(template).map((s) => {
    const m = /^\{([^{}]+)\}$/.exec(s);
    return m ? { param: m[1]! } : { literal: s };
  });
  return { template, segments, specificity: segments.filter((s) => 'literal' in s).length };
}

/**
 * Matches a concrete path (already stripped of the base path) against a template. Returns the decoded
 * path parameters, or undefined. Literal segments compare case-insensitively when asked (VB365).
 */
export function matchTemplate(compiled: PathTemplate, path: string, caseInsensitive: boolean): Record<string, string> | undefined {
  const parts = split(path);
  if (parts.length !== compiled.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = compiled.segments[i]!;
    const part = parts[i]!;
    if ('param' in seg) {
      if (part === '') return undefined;
      params[seg.param] = safeDecode(part);
    } else if (caseInsensitive ? seg.literal.toLowerCase() !== safeDecode(part).toLowerCase() : seg.literal !== safeDecode(part)) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
