// The fast `uri` / `date-time` formats must give ajv-formats' verdicts exactly: hand-picked edge cases,
// then seeded random mutations of them (deterministic: same cases every run).
import { describe, expect, it } from 'vitest';
import { dateTime, ORIGINAL_FORMATS, uri } from '../../src/json/formats.js';

const DATE_TIMES = [
  '2019-02-04T16:49:22.8529769Z', '2019-02-04t16:49:22z', '2019-02-04 16:49:22Z', '2019-02-04\t16:49:22Z',
  '2019-02-04T16:49:22+01:00', '2019-02-04T16:49:22-0130', '2019-02-04T16:49:22+01', '2019-02-04T16:49:22',
  '2019-02-29T00:00:00Z', '2020-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2019-04-31T00:00:00Z',
  '2019-00-10T00:00:00Z', '2019-13-10T00:00:00Z', '2019-12-00T00:00:00Z', '2019-12-31T24:00:00Z', '2019-12-31T23:60:00Z',
  '2016-12-31T23:59:60Z', '2016-12-31T23:59:60.5Z', '2016-12-31T22:59:60-01:00', '2016-12-31T23:59:61Z', '2016-12-31T12:59:60Z',
  '2016-12-31T23:59:59.99999999999999999Z', '2016-12-31T12:59:59.99999999999999999Z', '2016-12-31T23:58:59.99999999999999999Z',
  '2019-02-04T16:49:22+24:00', '2019-02-04T16:49:22+23:60', '2019-02-04T16:49:22.Z', '2019-02-04TT16:49:22Z',
  '2019-02-04T16:49:22Zt', '12019-02-04T16:49:22Z', '2019-2-04T16:49:22Z', '', 'T', '2019-02-04', '2019-02-04T16:49:22+01:0',
  '2019-02-04T16:49:22+01:000', '٢٠١٩-02-04T16:49:22Z', '2019-02-04\u00a016:49:22Z', '2019-02-04\u200016:49:22Z',
];
const URIS = [
  'https://support.east.local:4443/v3/jobsessions/a8cf9a63-64c3-4748-9c95-b1fbac0cce1d/log', 'http://em:9399/api/', 'HTTPS://EM/API?x=1&y=2',
  'http://em:/a', 'http://em:12x/a', 'http://', 'http://a b/', 'http://a/%20', 'http://a/%2', 'http://a/%zz', 'http://[::1]:80/a', 'http://user@host/a',
  'http://a/b#frag', 'http://a/b?c=d?e/f', 'http://a/b?c=%', 'mailto:x@y', 'urn:isbn:0451450523', 'foo', '/relative/path', 'a:b', 'http:/a',
  'http://a/é', 'http://a/"q"', 'http://a/<b>', 'http://a\\b', 'ftp://x.y/z', 'http://a.b-c.d:65535/x_y~z!$&\'()*+,;=:@', 'https://a/?',
];

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789:-+.TtZz /?#%@[]abcfxAF\t\u00a0é"';

/** Every case plus `n` random edits (replace / insert / delete one character) of random cases. */
function corpus(base: string[], n: number, seed: number): string[] {
  const rand = rng(seed);
  const out = [...base];
  for (let i = 0; i < n; i++) {
    let s = base[Math.floor(rand() * base.length)]!;
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const at = Math.floor(rand() * (s.length + 1));
      const ch = ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
      const op = rand();
      s = op < 0.4 ? s.slice(0, at) + ch + s.slice(at + 1) : op < 0.7 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
    }
    out.push(s);
  }
  return out;
}

describe('fast formats agree with ajv-formats (full)', () => {
  it('date-time', () => {
    const cases = corpus(DATE_TIMES, 20_000, 1);
    const differ = cases.filter((s) => dateTime(s) !== ORIGINAL_FORMATS.dateTime(s));
    expect(differ).toEqual([]);
    // The corpus exercises both verdicts (a comparison of two always-false functions would pass too).
    expect(cases.filter((s) => dateTime(s)).length).toBeGreaterThan(100);
    expect(cases.filter((s) => !dateTime(s)).length).toBeGreaterThan(100);
  });

  it('uri', () => {
    const cases = corpus(URIS, 20_000, 2);
    const differ = cases.filter((s) => uri(s) !== ORIGINAL_FORMATS.uri(s));
    expect(differ).toEqual([]);
    expect(cases.filter((s) => uri(s)).length).toBeGreaterThan(100);
    expect(cases.filter((s) => !uri(s)).length).toBeGreaterThan(100);
  });
});
