import { getLineColLocation, type NormalizedProblem } from '@redocly/openapi-core';
import { displayPath, type RegistryProblem } from './errors.js';

type Location = NormalizedProblem['location'][number];

/** Line and column of a Redocly location (its nearest existing node), when the file has an AST. */
export function lineCol(loc: Location): { line: number; col: number } | undefined {
  try {
    const { start } = getLineColLocation(loc);
    return { line: start.line, col: start.col };
  } catch {
    return undefined; // no AST for this source (e.g. the file could not be read): the pointer still names the place
  }
}

/** `#/a/b` whatever form Redocly gave the pointer in. */
function hashPointer(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  return pointer.startsWith('#') ? pointer : `#${pointer}`;
}

// tools/redocly-plugin reports an unparsable example file as "<file>:<line>:<col>: invalid JSON example: ...",
// located at the externalValue that references it: the example file is the place to fix.
const EXAMPLE_PROBLEM = /^((?:\/|[A-Za-z]:[\\/]).+?):(\d+):(\d+): (.*)$/s;

/**
 * One Redocly problem as a {@link RegistryProblem}: the file, line and column of its first location and
 * its JSON pointer. A problem that names its own file first (the plugin's example problems) is placed
 * there, with the referencing spec position in the message.
 * @param root files under it are shown relative to it in "referenced from"
 */
export function fromRedoclyProblem(problem: NormalizedProblem, root?: string): RegistryProblem {
  const loc = problem.location[0];
  if (loc === undefined) return { message: problem.message };
  const file = loc.source.absoluteRef;
  const at = lineCol(loc);
  const pointer = hashPointer(loc.pointer);
  const own = EXAMPLE_PROBLEM.exec(problem.message);
  if (own) {
    const from = `${displayPath(file, root)}${at ? `:${at.line}:${at.col}` : ''}${pointer ? ` ${pointer}` : ''}`;
    return { file: own[1]!, line: Number(own[2]), col: Number(own[3]), message: `${own[4]} (referenced from ${from})` };
  }
  return { message: problem.message, file, ...at, ...(pointer ? { pointer } : {}) };
}

/**
 * An error Redocly threw while reading a file (YAML syntax, unreadable file) as a problem: the
 * parser's own line and column when it gives them, else the file that was being read.
 */
export function fromThrown(e: unknown, fallbackFile: string): RegistryProblem {
  const err = e as Error & { line?: number; col?: number; source?: { absoluteRef?: string } };
  const file = err.source?.absoluteRef ?? fallbackFile;
  if (typeof err.line === 'number' && /YamlParseError/.test(err.constructor?.name ?? '')) {
    // "deficient indentation in "/abs/file.yaml" (3:1)": the place goes in front, not at the end.
    const message = `invalid YAML: ${err.message.replace(/ in "[^"]*" \(\d+:\d+\)$/, '')}`;
    return { file, line: err.line, col: err.col ?? 1, message };
  }
  if (/ResolveError/.test(err.constructor?.name ?? '')) return { file, message: `cannot read: ${err.message}` };
  return { file, message: err.message ?? String(e) };
}
