/**
 * Replays recordings from the mock: a request whose method, path and query equal a recording's (2xx)
 * gets the recorded body, so a mock fed with `veeam-contract record` output answers like the server it
 * was recorded from; other requests fall back to the spec's examples.
 */
import { loadInputs } from '../recordings/load.js';
import { splitUrl } from '../match.js';
import type { SpecIndex } from '../spec/index.js';
import type { ExampleBody } from './examples.js';

/** One replayable response. */
interface Recorded extends ExampleBody {
  status: number;
}

/** Recorded responses by request key. */
export class ReplayStore {
  private constructor(private readonly byKey: Map<string, Recorded[]>, private readonly index: SpecIndex) {}

  /**
   * Loads the 2xx recordings of the index's product under `dir` (layout and sidecars as for `check`).
   * @throws InputError for malformed recordings (names the file)
   */
  static async load(dir: string, index: SpecIndex): Promise<ReplayStore> {
    const { items } = await loadInputs([dir], { product: index.product });
    const byKey = new Map<string, Recorded[]>();
    const store = new ReplayStore(byKey, index);
    for (const item of items) {
      if (item.status < 200 || item.status >= 300 || !item.body) continue;
      const key = store.key(item.method, item.url);
      const mediaType = (item.contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      byKey.set(key, [...(byKey.get(key) ?? []), { status: item.status, mediaType, text: Buffer.from(item.body).toString('utf8') }]);
    }
    return store;
  }

  /** Number of distinct recorded requests. */
  get size(): number {
    return this.byKey.size;
  }

  /** Recorded responses for a request (any media type), or an empty list. */
  find(method: string, url: string): Recorded[] {
    return this.byKey.get(this.key(method, url)) ?? [];
  }

  private key(method: string, url: string): string {
    const { segments, query } = splitUrl(url, this.index.basePaths);
    const path = segments.join('/');
    const q = [...query].map(([k, v]) => `${k.toLowerCase()}=${v.toLowerCase()}`).sort().join('&');
    return `${method.toUpperCase()} ${this.index.caseInsensitivePaths ? path.toLowerCase() : path}?${q}`;
  }
}
