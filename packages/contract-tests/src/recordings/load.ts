/**
 * Turns the `check` command's paths into check items: directories are walked, `.har` files expand to
 * their entries, every `.json`/`.xml` body needs its sidecar (`<body>.meta.json`).
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, Interrupted, type StopSignal } from '../cli/errors.js';
import { lineCol } from '../body.js';
import { parseHar } from '../har/parse.js';
import { tooDeepOffset } from '../json/depth.js';
import { readFileLimited, type LimitedRead } from '../read-limited.js';
import type { Product } from '../types.js';
import type { CheckItem, SkippedInput } from './item.js';
import { productFromPath, productFromUrl } from './product.js';
import { parseSidecar, sidecarPath } from './sidecar.js';

/** Everything found under the given paths. */
export interface LoadedInputs {
  items: CheckItem[];
  skipped: SkippedInput[];
}

/** Options of {@link loadInputs}. */
export interface LoadOptions {
  /** Forces the product of every input (`--product`). */
  product?: Product;
  /** Paths in messages are shown relative to this directory. @default process.cwd() */
  cwd?: string;
  /** Called after each file is read (progress). */
  onFile?: (file: string) => void;
  /**
   * Body files larger than this are not read (the item says so); HAR files may be 8 times larger.
   * @default 16 MiB (the validator's default)
   */
  maxBodyBytes?: number;
  /** Checked between files: loading stops with {@link Interrupted} once it is aborted. */
  signal?: AbortSignal;
}

/** Default body limit, the same as the validator's. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Sidecars are a few hundred bytes; anything above this is not one. */
const MAX_SIDECAR_BYTES = 1024 * 1024;
/** Nesting a sidecar may have (it needs 3). */
const MAX_SIDECAR_DEPTH = 16;
/** V8 cannot hold a longer string (a HAR is parsed as one). */
const MAX_STRING_BYTES = 0x1fffffe8;

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
export async function loadInputs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedInputs> {
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
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const add = (r: CheckItem | SkippedInput) => ('reason' in r ? skipped.push(r) : items.push(r));
  for (const { file, explicit } of files) {
    if (options.signal?.aborted) throw new Interrupted(options.signal.reason as StopSignal);
    if (file.endsWith('.har')) {
      const harLimit = Math.min(8 * maxBody, MAX_STRING_BYTES);
      const read = await readLimited(file, harLimit, display);
      if (read.tooLarge) throw new InputError(`${display(file)}: ${read.size ?? `more than ${harLimit}`} bytes, more than the HAR limit of ${harLimit} bytes (8x the body limit; raise --max-body-mb)`);
      const har = parseHar(Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8'), display(file), options.product);
      items.push(...har.items);
      skipped.push(...har.skipped);
    } else if (file.endsWith(SIDECAR)) {
      const body = file.slice(0, -SIDECAR.length);
      if (!existsSync(body)) throw new InputError(`${display(file)}: sidecar without its body file ${display(body)}`);
      // Named explicitly: check the body it describes; found in a walk: the body is visited itself.
      if (explicit && !seen.has(body)) {
        seen.add(body);
        add(await loadRecording(body, display, maxBody, options.product));
      }
    } else if (isBody(file) || explicit) {
      if (seen.has(file)) continue;
      seen.add(file);
      add(await loadRecording(file, display, maxBody, options.product));
    }
    options.onFile?.(file);
  }
  return { items, skipped };
}

/** Loads one recording; with `--product`, a recording filed under another product's folder is skipped. */
async function loadRecording(file: string, display: (f: string) => string, maxBody: number, forced?: Product): Promise<CheckItem | SkippedInput> {
  const metaFile = sidecarPath(file);
  const metaRead = await readFileLimited(metaFile, MAX_SIDECAR_BYTES).catch(() => undefined);
  if (metaRead === undefined) {
    throw new InputError(`${display(file)}: no sidecar ${display(metaFile)} (expected { method, url, status, contentType, origin })`);
  }
  if (metaRead.tooLarge) throw new InputError(`${display(metaFile)}: larger than ${MAX_SIDECAR_BYTES} bytes, not a sidecar`);
  const metaText = Buffer.from(metaRead.bytes).toString('utf8');
  // A sidecar nests 3 levels (edits[].kind); a deep one would overflow the stack where its values are
  // shown in messages.
  const deep = tooDeepOffset(metaText, MAX_SIDECAR_DEPTH);
  if (deep >= 0) throw new InputError(`${display(metaFile)}:${lineCol(metaText, deep)}: nests deeper than ${MAX_SIDECAR_DEPTH} levels, not a sidecar`);
  const meta = parseSidecar(metaText, display(metaFile));
  const folder = productFromPath(file);
  if (forced && folder && folder !== forced) return { source: display(file), reason: `recorded for ${folder}, not --product ${forced}` };
  const product = forced ?? folder ?? productFromUrl(meta.url);
  if (!product) {
    throw new InputError(`${display(file)}: cannot tell the product; put it under recordings/<product>/ or pass --product`);
  }
  const read = await readLimited(file, maxBody, display);
  return {
    source: display(file),
    product,
    method: meta.method,
    url: meta.url,
    status: meta.status,
    contentType: meta.contentType,
    ...(read.tooLarge ? { tooLarge: read.size === undefined ? {} : { size: read.size } } : { body: read.bytes }),
    origin: meta.origin,
  };
}

/** {@link readFileLimited}, with a read error as an InputError naming the file. */
async function readLimited(file: string, maxBytes: number, display: (f: string) => string): Promise<LimitedRead> {
  return readFileLimited(file, maxBytes).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${display(file)}: cannot read (${e.code ?? e.message})`);
  });
}
