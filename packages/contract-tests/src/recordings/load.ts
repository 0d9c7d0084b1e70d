/**
 * Turns the `check` command's paths into check items: directories are walked, `.har` files expand to
 * their entries, every `.json`/`.xml` body needs its sidecar (`<body>.meta.json`).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../cli/errors.js';
import { parseHar } from '../har/parse.js';
import type { ApiInfo } from '../spec/source.js';
import type { ApiAlias, Product } from '../types.js';
import type { CheckItem, SkippedInput } from './item.js';
import { scopeFromPath } from './scope.js';
import { parseSidecar, sidecarPath } from './sidecar.js';

/** Everything found under the given paths. */
export interface LoadedInputs {
  items: CheckItem[];
  skipped: SkippedInput[];
}

/** Options of {@link loadInputs}. */
export interface LoadOptions {
  /** The APIs of the specs: a `recordings/<product>/[<version>/]` folder narrows a recording to them. */
  apis: readonly ApiInfo[];
  /**
   * The API a HAR entry goes to (undefined: no API serves its URL, the entry is skipped); the
   * validator's own routing (`Validator.route`).
   */
  route(request: { product?: Product; api?: ApiAlias; method: string; url: string }): ApiAlias | undefined;
  /** Only this product (`--product`): inputs filed under another are skipped; HAR entries are routed among its versions. */
  product?: Product;
  /** Only this API (`--api`): as `product`, narrowed to one version. */
  api?: ApiAlias;
  /** Paths in messages are shown relative to this directory. @default process.cwd() */
  cwd?: string;
  /** Called after each file is read (progress). */
  onFile?: (file: string) => void;
}

const SIDECAR = '.meta.json';

function isBody(file: string): boolean {
  return (file.endsWith('.json') || file.endsWith('.xml')) && !file.endsWith(SIDECAR);
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}

/**
 * Loads recordings and HAR files.
 * @throws InputError for a missing path, a body without sidecar, a sidecar without body or a bad
 *   sidecar/HAR, naming the file
 */
export async function loadInputs(paths: readonly string[], options: LoadOptions): Promise<LoadedInputs> {
  const cwd = options.cwd ?? process.cwd();
  const display = (f: string) => {
    const rel = path.relative(cwd, f);
    return rel.startsWith('..') || path.isAbsolute(rel) ? f : rel;
  };
  const files: { file: string; explicit: boolean }[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const st = await stat(abs).catch(() => undefined);
    if (!st) throw new InputError(`${p}: no such file or directory`);
    if (st.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found);
      files.push(...found.map((file) => ({ file, explicit: false })));
    } else {
      files.push({ file: abs, explicit: true });
    }
  }

  const items: CheckItem[] = [];
  const skipped: SkippedInput[] = [];
  const seen = new Set<string>();
  const add = (r: CheckItem | SkippedInput) => ('reason' in r ? skipped.push(r) : items.push(r));
  for (const { file, explicit } of files) {
    if (file.endsWith('.har')) {
      const har = parseHar(await readFile(file, 'utf8'), display(file), options);
      items.push(...har.items);
      skipped.push(...har.skipped);
    } else if (file.endsWith(SIDECAR)) {
      const body = file.slice(0, -SIDECAR.length);
      if (!existsSync(body)) throw new InputError(`${display(file)}: sidecar without its body file ${display(body)}`);
      // Named explicitly: check the body it describes; found in a walk: the body is visited itself.
      if (explicit && !seen.has(body)) {
        seen.add(body);
        add(await loadRecording(body, display, options));
      }
    } else if (isBody(file) || explicit) {
      if (seen.has(file)) continue;
      seen.add(file);
      add(await loadRecording(file, display, options));
    }
    options.onFile?.(file);
  }
  return { items, skipped };
}

/**
 * Loads one recording. Its folder narrows the API (`recordings/m365/v8/...` -> m365@v8,
 * `recordings/m365/...` -> a version of m365 picked by URL); with `--product` / `--api`, a recording
 * filed under another product or version is skipped.
 */
async function loadRecording(file: string, display: (f: string) => string, options: LoadOptions): Promise<CheckItem | SkippedInput> {
  const metaFile = sidecarPath(file);
  const metaText = await readFile(metaFile, 'utf8').catch(() => undefined);
  if (metaText === undefined) {
    throw new InputError(`${display(file)}: no sidecar ${display(metaFile)} (expected { method, url, status, contentType, origin })`);
  }
  const meta = parseSidecar(metaText, display(metaFile));
  const scope = scopeFromPath(file, options.apis);
  const forcedProduct = options.api !== undefined ? options.apis.find((a) => a.alias === options.api)?.product : options.product;
  if (forcedProduct !== undefined && scope.product !== undefined && scope.product !== forcedProduct) {
    return { source: display(file), reason: `recorded for ${scope.product}, not --${options.api !== undefined ? `api ${options.api}` : `product ${forcedProduct}`}` };
  }
  const filedFor = scope.api ?? scope.unknownVersion;
  if (options.api !== undefined && filedFor !== undefined && filedFor !== options.api) {
    return { source: display(file), reason: `recorded for ${filedFor}, not --api ${options.api}` };
  }
  const product = forcedProduct ?? scope.product;
  const api = options.api ?? scope.api;
  const item: CheckItem = {
    source: display(file),
    ...(product !== undefined ? { product } : {}),
    ...(api !== undefined ? { api } : {}),
    method: meta.method,
    url: meta.url,
    status: meta.status,
    contentType: meta.contentType,
    origin: meta.origin,
  };
  if (scope.unknownVersion !== undefined && api === undefined) {
    const have = options.apis.filter((a) => a.product === scope.product).map((a) => a.alias);
    item.problem = `filed under ${scope.unknownVersion.replace('@', '/')}/, but the specs have no API ${scope.unknownVersion} (have: ${have.join(', ')})`;
    return item;
  }
  item.body = new Uint8Array(await readFile(file));
  return item;
}
