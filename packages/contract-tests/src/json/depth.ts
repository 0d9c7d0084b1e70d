// The nesting limit of JSON bodies. V8's JSON.parse is iterative and accepts any depth, but whatever
// walks the value afterwards recursively (ajv on a recursive schema, JSON.stringify, a reporter) ends
// in "Maximum call stack size exceeded": 100,000 nested arrays crashed `validate` and `check`. Bodies
// deeper than MAX_JSON_DEPTH are `malformed`; no Veeam server nests anywhere near it (ASP.NET, which
// VB365 and VB for Azure run on, refuses to write more than 64 levels).
//
// Cost: a scan of the text costs 30-70% of JSON.parse (measured on the m365 bench bodies), a walk of
// the parsed tree about 6%. So bodies below PRESCAN_MIN_CHARS are parsed first and their tree walked
// (iteratively); larger ones are scanned before parsing, where a deep one would also make JSON.parse
// slow (4 MB of nested arrays: about 1.4 s). Either way the error names the line:column from the text scan.

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 1000;

/** Bodies at least this long are scanned before JSON.parse; shorter ones are checked on the tree. */
export const PRESCAN_MIN_CHARS = 1024 * 1024;

/** Text shorter than this cannot nest deeper than MAX_JSON_DEPTH (every level needs `[` and `]`). */
export const DEPTH_CHECK_MIN_CHARS = 2 * (MAX_JSON_DEPTH + 1);

/**
 * Offset of the first `[` or `{` that opens level `limit + 1`, or -1. Skips strings; never recurses;
 * works on any text (JSON or not), in one pass.
 */
export function tooDeepOffset(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return -1; // unterminated string: JSON.parse reports it
        let b = q - 1;
        while (text.charCodeAt(b) === 92 /* \ */) b--;
        if ((q - 1 - b) % 2 === 0) { i = q; break; }
        from = q + 1;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return -1;
}

/** True when a parsed JSON value nests arrays/objects deeper than `limit` (iterative walk). */
export function deeperThan(root: unknown, limit = MAX_JSON_DEPTH): boolean {
  if (root === null || typeof root !== 'object') return false;
  const nodes: object[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (v !== null && typeof v === 'object') {
          if (depth >= limit) return true;
          nodes.push(v);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const k in node) {
        const v: unknown = (node as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') {
          if (depth >= limit) return true;
          nodes.push(v);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}
