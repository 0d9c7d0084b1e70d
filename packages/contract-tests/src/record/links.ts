/** Finds the links in a response body that the recorder may follow. */

/** Absolute link URLs in a JSON or XML body (`Href` attributes / `href` properties), in order, unique. */
export function extractLinks(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\bHref\s*=\s*"([^"]+)"/gi)) found.add(m[1]!.replace(/&amp;/g, '&'));
  for (const m of text.matchAll(/"(?:href|Href)"\s*:\s*"([^"]+)"/g)) found.add(m[1]!);
  return [...found];
}
