// Per-user cache of the compiled XsdBatch helper. It used to live at a predictable path in the shared
// temp directory, where another local user could plant a class that our JVM would then run. It now
// lives in the user's own cache directory, created 0700, and every directory and file in it is checked
// (owned by this user, not writable by group or others, no symlinks) before the JVM may load it.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where and as whom the cache is used; the defaults are the current process's. */
export interface HelperCacheOptions {
  /** Reads `XDG_CACHE_HOME` (POSIX) or `LOCALAPPDATA` (Windows). @default process.env */
  env?: Record<string, string | undefined>;
  /** @default os.homedir() */
  home?: string;
  /** The user every cache entry must belong to; undefined skips ownership and mode checks (Windows). @default process.getuid?.() */
  uid?: number;
  /** @default process.platform */
  platform?: NodeJS.Platform;
}

/** A cache directory or file that another user could have written: refused, never used. */
export class UnsafeCacheError extends Error {
  override name = 'UnsafeCacheError';
}

/**
 * The user's cache directory for veeam-rest: `$XDG_CACHE_HOME/veeam-rest` (an absolute
 * XDG_CACHE_HOME only, as the XDG spec says), else `~/.cache/veeam-rest`; on Windows
 * `%LOCALAPPDATA%\veeam-rest\Cache`.
 */
export function userCacheDir(options: HelperCacheOptions = {}): string {
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  if ((options.platform ?? process.platform) === 'win32') {
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'veeam-rest', 'Cache');
  }
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'veeam-rest');
}

/**
 * Identifies the JDK behind `javac` (resolved path + its `release` file), so a class compiled by one
 * JDK is never loaded by another (a newer class file version fails on an older `java`).
 * @param javac path of javac, or the bare name to look up on PATH
 */
export function jdkIdentity(javac: string, env: Record<string, string | undefined> = process.env): string {
  const found = path.isAbsolute(javac) || javac.includes(path.sep) ? javac : findOnPath(javac, env);
  if (!found || !existsSync(found)) return `missing:${javac}`;
  const real = realpathSync(found);
  const release = path.join(path.dirname(path.dirname(real)), 'release');
  return `${real}\n${existsSync(release) ? readFileSync(release, 'utf8') : ''}`;
}

/** Cache key of a build: a hash of everything that determines its output. */
export function cacheKey(prefix: string, ...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return `${prefix}-${hash.digest('hex').slice(0, 20)}`;
}

/**
 * Returns `<user cache>/<key>`, running `build(outDir)` first when it is not cached yet. The build runs in
 * a private staging directory that is renamed into place, so concurrent processes never see half an
 * entry. Every directory and file of the entry is checked before it is returned.
 * @throws UnsafeCacheError when the cache or the entry is not private to this user (names the path)
 */
export function cachedBuild(key: string, build: (outDir: string) => void, options: HelperCacheOptions = {}): string {
  const uid = 'uid' in options ? options.uid : process.getuid?.();
  const root = userCacheDir(options);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  assertPrivate(root, lstatSync(root), uid, 'directory');
  const entry = path.join(root, key);
  if (!existsSync(entry)) {
    const staging = mkdtempSync(path.join(root, `.${key}-`));
    try {
      build(staging);
      tighten(staging);
      renameSync(staging, entry);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      // A concurrent process renamed its complete entry into place first: use that one.
      if (!(isErrno(e) && ['EEXIST', 'ENOTEMPTY', 'EPERM'].includes(e.code ?? '') && existsSync(entry))) throw e;
    }
  }
  assertPrivateTree(entry, uid);
  return entry;
}

/** Checks an entry and everything below it; symlinks are refused outright. */
function assertPrivateTree(dir: string, uid: number | undefined): void {
  assertPrivate(dir, lstatSync(dir), uid, 'directory');
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) assertPrivateTree(p, uid);
    else assertPrivate(p, st, uid, 'file');
  }
}

function assertPrivate(p: string, st: Stats, uid: number | undefined, kind: 'directory' | 'file'): void {
  const isKind = kind === 'directory' ? st.isDirectory() : st.isFile();
  if (!isKind) throw new UnsafeCacheError(`refusing the XSD helper cache: ${p} is not a regular ${kind}${st.isSymbolicLink() ? ' (a symlink)' : ''}; remove it`);
  if (uid === undefined) return;
  if (st.uid !== uid) throw new UnsafeCacheError(`refusing the XSD helper cache: ${p} belongs to uid ${st.uid}, not to this user (uid ${uid}); remove it`);
  if (st.mode & 0o022) {
    throw new UnsafeCacheError(`refusing the XSD helper cache: ${p} is writable by group or others (mode ${(st.mode & 0o777).toString(8)}); remove it`);
  }
}

/** Owner-only modes, whatever the umask was during the build (else we would refuse our own entry). */
function tighten(dir: string): void {
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (lstatSync(p).isDirectory()) tighten(p);
    else chmodSync(p, 0o600);
  }
}

function findOnPath(name: string, env: Record<string, string | undefined>): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const ext of exts) {
      const p = path.join(dir, name + ext);
      if (dir && existsSync(p)) return p;
    }
  }
  return undefined;
}

function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && 'code' in e;
}
