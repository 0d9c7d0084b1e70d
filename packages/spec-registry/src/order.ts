/** Alias of a registry API: `<product>@<version>`, product a lowercase slug (`m365@v8`, `azure@v8.1`). */
export const ALIAS = /^([a-z0-9][a-z0-9-]*)@([A-Za-z0-9][A-Za-z0-9._-]*)$/;

/** Splits an alias into product and version; undefined when it is not `<product>@<version>`. */
export function parseAlias(alias: string): { product: string; version: string } | undefined {
  const m = ALIAS.exec(alias);
  return m ? { product: m[1]!, version: m[2]! } : undefined;
}

/**
 * Orders API versions: a leading `v` is ignored and dot-separated numbers compare as numbers
 * (`v2` < `v8` < `v8.1` < `v10`); anything else compares as text.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/i, '').split('.');
  const pb = b.replace(/^v/i, '').split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * The stable order of a registry's APIs: products in the order they first appear in the file, the
 * versions of one product oldest first. Adding a version anywhere in the file does not reorder others.
 */
export function sortApis<T extends { product: string; version: string }>(apis: readonly T[]): T[] {
  const rank = new Map<string, number>();
  for (const a of apis) if (!rank.has(a.product)) rank.set(a.product, rank.size);
  return [...apis].sort((a, b) => rank.get(a.product)! - rank.get(b.product)! || compareVersions(a.version, b.version));
}
