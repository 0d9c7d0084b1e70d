// Faster drop-ins for the two ajv-formats "full" formats that dominate validation time (every Veeam
// body is full of `_links` hrefs and timestamps). They accept EXACTLY the same strings as the originals
// (test/lib/formats.test.ts compares them on a corpus); only the common case got cheaper.
import { fullFormats } from 'ajv-formats/dist/formats.js';

type FormatDef = { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined };

const fullUri = fullFormats.uri as (s: string) => boolean;
const fullDateTime = fullFormats['date-time'] as FormatDef;

/**
 * A strict subset of ajv-formats' RFC 3986 `uri` regex: `http(s)://host[:port][/path][?query]` without
 * percent-escapes or userinfo. Each part is a subset of the same part there (a path of `/` and pchars is
 * a run of `/pchar*` segments), so a match here is a match there; anything else takes the full check.
 * A regex, not a hand-written scanner: irregexp runs these character-class loops about 3x faster.
 */
const PLAIN_HTTP_URI = /^https?:\/\/[a-z0-9.-]*(?::\d*)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[a-z0-9\-._~!$&'()*+,;=:@/?]*)?$/i;

/** Same verdicts as ajv-formats' full `uri`. */
export function uri(s: string): boolean {
  return PLAIN_HTTP_URI.test(s) || fullUri(s);
}

/**
 * ajv-formats splits on /t|\s/i and needs exactly two parts: date and time contain no `t` or space, so
 * one regex over the whole string is the same language (its time zone is required, as the strict
 * check demands). The digits sit at fixed offsets; the range checks below are ajv-formats' own.
 */
const DATE_TIME = /^\d\d\d\d-\d\d-\d\d[t\s]\d\d:\d\d:\d\d(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `i` as a number (the regex has checked they are digits). */
function two(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

/** Same verdicts as ajv-formats' full `date-time` (RFC 3339, time zone required, leap seconds). */
export function dateTime(s: string): boolean {
  if (!DATE_TIME.test(s)) return false;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!))) return false;
  const hr = two(s, 11);
  const min = two(s, 14);
  let tzAt = 19;
  if (s.charCodeAt(19) === 46 /* "." */) do tzAt++; while (s.charCodeAt(tzAt) >= 48 && s.charCodeAt(tzAt) <= 57);
  // ajv-formats compares the seconds as a float (`+"59.99999999999999999"` is 60): below 59 the
  // fraction cannot matter, at 59 and above parse it the same way.
  const whole = two(s, 17);
  const sec = whole >= 59 && tzAt > 19 ? +s.slice(17, tzAt) : whole;
  const z = s.charCodeAt(tzAt) | 0x20; // "z" or "Z"
  const tzSign = s.charCodeAt(tzAt) === 45 /* "-" */ ? -1 : 1;
  const tzH = z === 0x7a ? 0 : two(s, tzAt + 1);
  const mAt = s.charCodeAt(tzAt + 3) === 58 /* ":" */ ? tzAt + 4 : tzAt + 3;
  const tzM = z === 0x7a || mAt >= s.length ? 0 : two(s, mAt);
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // leap second
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** Format definitions to register after ajv-formats (they replace its `uri` and `date-time`). */
export const FAST_FORMATS = {
  uri,
  'date-time': { validate: dateTime, compare: fullDateTime.compare },
} as const;

/** The originals, for the equivalence test. */
export const ORIGINAL_FORMATS = { uri: fullUri, dateTime: fullDateTime.validate };
