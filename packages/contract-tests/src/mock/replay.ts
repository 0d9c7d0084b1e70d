/**
 * Replays recordings from the mock: a request whose method, path and query equal a recording's (2xx)
 * gets the recorded body, so a mock fed with `veeam-contract record` output answers like the server it
 * was recorded from; other requests fall back to the spec's examples.
 */
import { loadInputs } from '../recordings/load.js';
import { splitUrl } from '../match.js';
import type { SpecIndex } from '../spec/index.js';
import type { ApiInfo } from '../spec/source.js';
import type { ApiAlias } from '../types.js';
import type { ExampleBody } from './examples.js';

/** One replayable response. */
interface Recorded extends ExampleBody {
  status: number;
}

/** Recorded responses of one API by request key. */
export class ReplayStore {
  private constructor(private readonly byKey: Map<string, Recorded[]>, private readonly index: SpecIndex) {}

  /**
   * Loads the 2xx recordings under `dir` (layout and sidecars as for `check`) for the served APIs: each
   * goes to the API its folder names (`m365/v8/`) or, else, its URL.
   * @param apis every API of the specs (folders name any of them)
   * @param route the API of a recorded request among the served ones
   * @param served the indexes of the served APIs
   * @returns one store per served API that has recordings
   * @throws InputError for malformed recordings (names the file)
   */
  static async load(dir: string, apis: readonly ApiInfo[], route: (method: string, url: string) => ApiAlias | undefined, served: readonly SpecIndex[]): Promise<Map<ApiAlias, ReplayStore>> {
    const byAlias = new Map(served.map((i) => [i.api, i]));
    const { items } = await loadInputs([dir], { apis, route: (r) => route(r.method, r.url) });
    const stores = new Map<ApiAlias, ReplayStore>();
    for (const item of items) {
      if (item.status < 200 || item.status >= 300 || !item.body) continue;
      const alias = item.api ?? route(item.method, item.url);
      const index = alias === undefined ? undefined : byAlias.get(alias);
      if (!index || (item.product !== undefined && item.product !== index.product)) continue;
      let store = stores.get(index.api);
      if (!store) stores.set(index.api, (store = new ReplayStore(new Map(), index)));
      const key = store.key(item.method, item.url);
      const mediaType = (item.contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      store.byKey.set(key, [...(store.byKey.get(key) ?? []), { status: item.status, mediaType, text: Buffer.from(item.body).toString('utf8') }]);
    }
    return stores;
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
