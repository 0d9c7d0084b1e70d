import { existsSync } from 'node:fs';
import path from 'node:path';
import { getLineColLocation, loadConfig, type Config } from '@redocly/openapi-core';
import { bundleApi, type BundledApi, type OpenApiDocument } from './bundle.js';
import { displayPath, pointerToken, RegistryError, type RegistryProblem } from './errors.js';
import { parseAlias, sortApis } from './order.js';
import { fromThrown } from './problems.js';
import { REGISTRY_FILE, requireRepoRoot } from './root.js';

/** One API of the registry (`apis.<product>@<version>` in redocly.yaml). */
export interface ApiEntry {
  /** Redocly alias, e.g. `m365@v3`. */
  readonly alias: string;
  /** Product slug, the alias before `@` (spec folder, npm name `@veeam-rest/<product>`). */
  readonly product: string;
  /** API version, the alias after `@` (`v3`, `v8.1`). */
  readonly version: string;
  /** Absolute path of the spec's root file. */
  readonly rootFile: string;
  /** Absolute folder of the root file (examples, `xsd/` live under it). */
  readonly specDir: string;
  /** Absolute path of `x-openapi-ts.output` (the generated schema file), when the entry has one. */
  readonly output?: string;
}

/** Where to find the registry. */
export interface RegistryOptions {
  /**
   * Folder holding the registry.
   * @default the nearest folder at or above `process.cwd()` with a redocly.yaml
   */
  rootDir?: string;
  /** Registry file, relative to `rootDir` or absolute. @default 'redocly.yaml' */
  configFile?: string;
}

/** A loaded registry: its APIs in a stable order, and a bundler for each. */
export interface Registry {
  /** Folder of the registry file; entry paths are relative to it, messages show files relative to it. */
  readonly rootDir: string;
  /** Absolute path of the registry file. */
  readonly configPath: string;
  /** Every API: products in file order, each product's versions oldest first. */
  readonly apis: readonly ApiEntry[];
  /**
   * The APIs named by aliases (`m365@v8`) or products (`m365`: every version of it), in registry
   * order; all of them when `names` is empty or absent.
   * @throws RegistryError naming each unknown name and the known aliases
   */
  select(names?: readonly string[]): ApiEntry[];
  /**
   * Bundles one API (plugin decorators included: externalValue examples inlined).
   * @throws RegistryError `file:line:col: message (#/pointer)` for each error-level problem; a root
   *   file that does not exist is reported at the registry entry
   */
  bundle<D extends object = OpenApiDocument>(api: ApiEntry): Promise<BundledApi<D>>;
  /** Line and column of a JSON pointer in the registry file (of its key with `onKey`), for messages about an entry. */
  locate(pointer: string, onKey?: boolean): { line: number; col: number } | undefined;
}

/**
 * Reads the registry through Redocly's own config loader (plugins resolved, the same file `redocly lint`
 * and `redocly bundle` read) without bundling any API, so a broken spec cannot fail this.
 * @throws RegistryError for a missing or unparsable file and for every malformed entry
 * @example
 * const registry = await openRegistry();
 * for (const api of registry.select(['m365'])) console.log(api.alias, (await registry.bundle(api)).doc.info);
 */
export async function openRegistry(options: RegistryOptions = {}): Promise<Registry> {
  const rootGiven = options.rootDir !== undefined ? path.resolve(options.rootDir) : undefined;
  const configFile = options.configFile ?? REGISTRY_FILE;
  const configPath = path.isAbsolute(configFile) ? configFile : path.resolve(rootGiven ?? requireRepoRoot(), configFile);
  const rootDir = path.dirname(configPath);
  if (!existsSync(configPath)) throw new RegistryError({ file: configPath, message: 'not found (the API registry)' });

  let config: Config;
  try {
    config = await loadConfig({ configPath });
  } catch (e) {
    throw new RegistryError(fromThrown(e, configPath), rootDir);
  }
  const locate = (pointer: string, onKey = false) => {
    const source = config.document?.source;
    if (!source) return undefined;
    try {
      const { start } = getLineColLocation({ source, pointer, reportOnKey: onKey });
      return { line: start.line, col: start.col };
    } catch {
      return undefined;
    }
  };
  // A problem with an entry's key (bad alias, no root) is shown at the key; one with a value at the value.
  const at = (pointer: string, message: string, keyOf?: string): RegistryProblem => ({ file: configPath, ...locate(keyOf ?? pointer, keyOf !== undefined), pointer, message });

  const { apis, problems } = readEntries(config, rootDir, at);
  if (problems.length > 0) throw new RegistryError(problems, rootDir);

  return {
    rootDir,
    configPath,
    apis,
    locate,
    select(names) {
      if (!names || names.length === 0) return [...apis];
      const unknown = names.filter((n) => !apis.some((a) => a.alias === n || a.product === n));
      if (unknown.length > 0) {
        throw new RegistryError(
          { file: configPath, message: `no API ${unknown.map((u) => `"${u}"`).join(', ')} in the registry (known: ${apis.map((a) => a.alias).join(', ') || 'none'})` },
          rootDir,
        );
      }
      return apis.filter((a) => names.includes(a.alias) || names.includes(a.product));
    },
    bundle<D extends object = OpenApiDocument>(api: ApiEntry) {
      const pointer = `#/apis/${pointerToken(api.alias)}/root`;
      return bundleApi<D>(config, api, rootDir, () => at(pointer, `${api.alias}: root file ${displayPath(api.rootFile, rootDir)} does not exist`));
    },
  };
}

/** Validates every `apis` entry; collects all problems instead of stopping at the first. */
function readEntries(config: Config, rootDir: string, at: (pointer: string, message: string, keyOf?: string) => RegistryProblem): { apis: ApiEntry[]; problems: RegistryProblem[] } {
  const raw = (config.document?.parsed as { apis?: unknown } | undefined)?.apis;
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
    return { apis: [], problems: [at('#/apis', 'expected `apis`: a map of "<product>@<version>" to { root, x-openapi-ts: { output } }')] };
  }
  const resolved = config.resolvedConfig.apis ?? {};
  const problems: RegistryProblem[] = [];
  const apis: ApiEntry[] = [];
  const outputs = new Map<string, string>();
  for (const alias of Object.keys(raw)) {
    const pointer = `#/apis/${pointerToken(alias)}`;
    const parts = parseAlias(alias);
    if (!parts) {
      problems.push(at(pointer, `"${alias}": expected an alias like "m365@v3" (lowercase product slug @ version)`, pointer));
      continue;
    }
    const entry = resolved[alias] as { root?: unknown; 'x-openapi-ts'?: { output?: unknown } } | undefined;
    if (typeof entry?.root !== 'string' || entry.root.trim() === '') {
      problems.push(at(`${pointer}/root`, `${alias}: expected "root", the path of the spec's root file`, entry?.root === undefined ? pointer : undefined));
      continue;
    }
    const ts = entry['x-openapi-ts'];
    if (ts !== undefined && (typeof ts !== 'object' || ts === null || typeof ts.output !== 'string' || ts.output.trim() === '')) {
      problems.push(at(`${pointer}/x-openapi-ts`, `${alias}: expected "x-openapi-ts.output", the path of the generated schema file`));
      continue;
    }
    const rootFile = path.resolve(rootDir, entry.root);
    const output = typeof ts?.output === 'string' ? path.resolve(rootDir, ts.output) : undefined;
    if (output !== undefined) {
      // Each API version gets its own generated folder: two entries writing one folder would overwrite each other.
      const folder = path.dirname(output);
      const other = outputs.get(folder);
      if (other !== undefined) {
        problems.push(at(`${pointer}/x-openapi-ts/output`, `${alias}: writes to ${displayPath(folder, rootDir)}, the output folder of ${other}`));
        continue;
      }
      outputs.set(folder, alias);
    }
    apis.push({ alias, ...parts, rootFile, specDir: path.dirname(rootFile), ...(output !== undefined ? { output } : {}) });
  }
  return { apis: sortApis(apis), problems };
}
