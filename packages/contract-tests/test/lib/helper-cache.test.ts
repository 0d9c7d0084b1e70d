// The compiled XSD helper is cached per user, never at a shared predictable path, and nothing another
// user could have written is ever handed to the JVM. Real files, real modes, a real javac.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureHelperCompiled, JavaUnavailableError } from '../../src/xml/java-home.js';
import { cachedBuild, cacheKey, jdkIdentity, UnsafeCacheError, userCacheDir, type HelperCacheOptions } from '../../src/xml/helper-cache.js';

const mode = (p: string) => statSync(p).mode & 0o777;
const uid = process.getuid!();

let scratch: string;
let opts: HelperCacheOptions;
beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'veeam-rest-cache-test-'));
  opts = { env: { XDG_CACHE_HOME: path.join(scratch, 'xdg'), PATH: process.env.PATH }, home: path.join(scratch, 'home') };
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A build that writes one file the way a careless tool would (group/world-writable). */
const writeClass = (outDir: string) => {
  writeFileSync(path.join(outDir, 'XsdBatch.class'), 'class bytes');
  chmodSync(path.join(outDir, 'XsdBatch.class'), 0o666);
};

describe('userCacheDir', () => {
  it.each([
    ['an absolute XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x/cache' }, 'linux', '/x/cache/veeam-rest'],
    ['no XDG_CACHE_HOME: ~/.cache', {}, 'linux', '/home/u/.cache/veeam-rest'],
    ['a relative XDG_CACHE_HOME is ignored (XDG spec)', { XDG_CACHE_HOME: 'rel/cache' }, 'darwin', '/home/u/.cache/veeam-rest'],
  ] as const)('%s', (_name, env, platform, want) => {
    expect(userCacheDir({ env, home: '/home/u', platform })).toBe(want);
  });
});

describe('cachedBuild', () => {
  it('builds once into a 0700 entry of 0600 files under the user cache, then reuses it', () => {
    let builds = 0;
    const build = (out: string) => { builds++; writeClass(out); };
    const dir = cachedBuild('xsdbatch-k1', build, opts);
    expect(dir).toBe(path.join(scratch, 'xdg', 'veeam-rest', 'xsdbatch-k1'));
    expect(mode(path.join(scratch, 'xdg', 'veeam-rest'))).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'XsdBatch.class'))).toBe(0o600);
    expect(cachedBuild('xsdbatch-k1', build, opts)).toBe(dir);
    expect(builds).toBe(1);
    // No staging directory is left behind.
    expect(readdirSync(path.dirname(dir))).toEqual(['xsdbatch-k1']);
  });

  it('a failed build leaves nothing in the cache and rethrows', () => {
    expect(() => cachedBuild('xsdbatch-k2', () => { throw new Error('javac said no'); }, opts)).toThrow('javac said no');
    expect(readdirSync(userCacheDir(opts))).toEqual([]);
  });

  it.each([
    ['a group-writable entry', (dir: string) => chmodSync(dir, 0o770), /writable by group or others \(mode 770\)/],
    ['a world-writable class', (dir: string) => chmodSync(path.join(dir, 'XsdBatch.class'), 0o646), /XsdBatch\.class is writable by group or others/],
    ['a class that is a symlink', (dir: string) => {
      rmSync(path.join(dir, 'XsdBatch.class'));
      writeFileSync(path.join(scratch, 'planted.class'), 'x');
      symlinkSync(path.join(scratch, 'planted.class'), path.join(dir, 'XsdBatch.class'));
    }, /XsdBatch\.class is not a regular file \(a symlink\)/],
    ['an entry that is a symlink', (dir: string) => {
      rmSync(dir, { recursive: true });
      mkdirSync(path.join(scratch, 'elsewhere'));
      symlinkSync(path.join(scratch, 'elsewhere'), dir);
    }, /xsdbatch-k3 is not a regular directory \(a symlink\)/],
    ['a world-writable cache root', (dir: string) => chmodSync(path.dirname(dir), 0o777), /veeam-rest is writable by group or others/],
  ])('refuses %s, naming the path', (_name, tamper, message) => {
    const dir = cachedBuild('xsdbatch-k3', writeClass, opts);
    tamper(dir);
    expect(() => cachedBuild('xsdbatch-k3', () => { throw new Error('must not rebuild'); }, opts)).toThrow(UnsafeCacheError);
    expect(() => cachedBuild('xsdbatch-k3', writeClass, opts)).toThrow(message);
  });

  it('refuses an entry owned by another user', () => {
    const dir = cachedBuild('xsdbatch-k4', writeClass, opts);
    // Seen as another user would see it: the files belong to `uid`, not to them.
    expect(() => cachedBuild('xsdbatch-k4', writeClass, { ...opts, uid: uid + 1 })).toThrow(`belongs to uid ${uid}, not to this user (uid ${uid + 1})`);
    expect(existsSync(dir)).toBe(true);
  });
});

describe('cacheKey and jdkIdentity', () => {
  it('the key changes with the source and with the JDK', () => {
    const jdk = jdkIdentity('javac', opts.env);
    expect(jdk).toContain(path.sep + 'javac');
    expect(jdk).toMatch(/JAVA_VERSION=/); // the JDK's release file
    const k = cacheKey('xsdbatch', 'source', jdk);
    expect(cacheKey('xsdbatch', 'source', jdk)).toBe(k);
    expect(cacheKey('xsdbatch', 'source 2', jdk)).not.toBe(k);
    expect(cacheKey('xsdbatch', 'source', jdkIdentity('/nonexistent/jdk/bin/javac'))).not.toBe(k);
  });
});

describe('ensureHelperCompiled', () => {
  it('compiles with the real javac into the user cache (not <tmp>/veeam-rest-xsdbatch-<hash> as before)', () => {
    const dir = ensureHelperCompiled(undefined, opts);
    expect(dir.startsWith(path.join(scratch, 'xdg', 'veeam-rest') + path.sep)).toBe(true);
    expect(existsSync(path.join(dir, 'XsdBatch.class'))).toBe(true);
    expect(mode(path.join(dir, 'XsdBatch.class'))).toBe(0o600);
    expect(ensureHelperCompiled(undefined, opts)).toBe(dir);
  });

  it('an unsafe entry is a JavaUnavailableError (one clear line in the CLI), not a crash', () => {
    const dir = ensureHelperCompiled(undefined, opts);
    chmodSync(dir, 0o777);
    expect(() => ensureHelperCompiled(undefined, opts)).toThrow(JavaUnavailableError);
    expect(() => ensureHelperCompiled(undefined, opts)).toThrow(/refusing the XSD helper cache: .* writable by group or others/);
  });
});
