// Where the validator, the mock and the recorder get their specs: the bundles shipped in this package
// (the default, so the tool works in any folder), or a checkout's registry (`rootDir` / `--root`).
import type { ApiServers } from '@veeam-rest/spec-registry/lite';
import type { LoadedSpec } from './load.js';
import type { Product } from '../types.js';

/** One API the tool knows. */
export interface ApiInfo {
  /** Registry alias, e.g. `m365@v8`. */
  alias: string;
  product: Product;
  /** `v8`, `v8.1`. */
  version: string;
}

/** The APIs of one spec source and a loader for each. */
export interface SpecSource {
  /** Where the specs come from, for messages: a checkout's `redocly.yaml` or the shipped `index.json`. */
  readonly origin: string;
  /** Every API: products in registry order, each product's versions oldest first. */
  readonly apis: readonly ApiInfo[];
  /**
   * Where an API is served (root servers and overrides), known without loading it; undefined when its
   * source files could not be read (loading it then reports why).
   */
  servers(alias: string): ApiServers | undefined;
  /**
   * Loads one API: bundles it from the checkout, or reads its shipped bundle.
   * @throws SpecError naming the file and position of the first problem
   */
  load(alias: string): Promise<LoadedSpec>;
}

/** Where to take the specs from. */
export interface SpecSourceOptions {
  /**
   * A checkout holding `redocly.yaml`: its specs are bundled (spec authors).
   * @default the specs shipped in this package (`dist/specs`)
   */
  rootDir?: string;
  /** Folder of shipped specs (`index.json` + bundles). @default this package's `dist/specs` */
  specsDir?: string;
}

/** Opens the spec source: the checkout at `rootDir` when given, else the shipped specs. */
export async function openSpecSource(options: SpecSourceOptions = {}): Promise<SpecSource> {
  if (options.rootDir !== undefined) {
    const { openCheckout } = await import('./checkout.js');
    return openCheckout(options.rootDir);
  }
  const { openShipped, shippedSpecsDir } = await import('./shipped.js');
  return openShipped(options.specsDir ?? shippedSpecsDir);
}
