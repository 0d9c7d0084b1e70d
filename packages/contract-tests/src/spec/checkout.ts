// Specs of a checkout (`--root DIR` / `rootDir`): the registry is read through @veeam-rest/spec-registry
// and each API bundled on first use. Redocly is loaded only here, never for the shipped specs.
import type { ApiServers, RegistryError as RegistryErrorType } from '@veeam-rest/spec-registry/lite';
import { SpecError } from './errors.js';
import type { OpenApiDoc } from './load.js';
import type { SpecSource } from './source.js';

/**
 * Reads `rootDir/redocly.yaml` and where each API is served (its source files, not bundled), so one
 * API's broken spec cannot stop the others.
 * @throws SpecError for a missing or broken registry
 */
export async function openCheckout(rootDir: string): Promise<SpecSource> {
  const { openRegistry, readServers, RegistryError } = await import('@veeam-rest/spec-registry');
  const asSpecError = (e: unknown): unknown => (e instanceof RegistryError ? new SpecError(e as RegistryErrorType) : e);
  const registry = await openRegistry({ rootDir }).catch((e: unknown) => {
    throw asSpecError(e);
  });
  const servers = new Map<string, ApiServers>();
  await Promise.all(
    registry.apis.map(async (api) => {
      try {
        servers.set(api.alias, await readServers(api));
      } catch (e) {
        if (!(e instanceof RegistryError)) throw e; // unreadable source: load() reports it with the bundler's words
      }
    }),
  );
  const byAlias = new Map(registry.apis.map((a) => [a.alias, a]));
  return {
    origin: registry.configPath,
    apis: registry.apis.map(({ alias, product, version }) => ({ alias, product, version })),
    servers: (alias) => servers.get(alias),
    async load(alias) {
      const api = byAlias.get(alias);
      if (!api) throw new SpecError(`no API "${alias}" in the registry`, registry.configPath);
      const bundled = await registry.bundle<OpenApiDoc>(api).catch((e: unknown) => {
        throw asSpecError(e);
      });
      return { product: api.product, alias, version: api.version, rootFile: api.rootFile, doc: bundled.doc, xsdFiles: bundled.xsdFiles };
    },
  };
}
