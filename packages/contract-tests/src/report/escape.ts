// Text that reaches a terminal: a URL from a HAR file, a file name or a server's message may carry
// ANSI escape sequences (ESC [ ...), other C0/C1 controls or bidirectional overrides, which would
// recolour, move the cursor, rewrite earlier lines or reorder what the user reads.

// C0 (ESC, CR, LF, TAB, BEL, ...), DEL, C1 (0x9B is a one-byte CSI), line/paragraph separators and
// the bidirectional formatting characters (LRM/RLM/ALM, embeddings, overrides, isolates).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Replaces every control character by a visible escape: `\x1b`, `\x9b`, `\u202e`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
