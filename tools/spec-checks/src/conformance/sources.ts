// The spec as its author wrote it: YAML/JSON files joined by `$ref`, read without bundling so every node
// keeps its own file and JSON pointer (a conformance finding must say exactly where a deviation record
// goes, and a bundle would move components into the root document).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';

/** Where a node lives: absolute file and JSON pointer inside it (`''` is the file's root). */
export interface Loc {
  file: string;
  pointer: string;
}

/** A node together with its location. */
export interface Located<T = any> {
  value: T;
  loc: Loc;
}

/** A file that cannot be read or parsed, or a `$ref` that leads nowhere; names the file and position. */
export class SourceError extends Error {
  constructor(message: string, readonly file: string, readonly position?: string) {
    super(message);
  }
}

interface Parsed {
  data: unknown;
  doc?: Document;
  lines?: LineCounter;
}

/** `a~1b` -> `a/b` (RFC 6901, plus the percent-encoding `$ref` fragments may carry). */
function unescapeToken(t: string): string {
  return decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One JSON pointer token. */
export function escapeToken(t: string | number): string {
  return String(t).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Stable text form of a location, for maps and messages. */
export function locKey(loc: Loc): string {
  return `${loc.file}#${loc.pointer}`;
}

/** Reads spec files once each and resolves `$ref`s between them. */
export class Sources {
  private readonly files = new Map<string, Parsed>();

  /** The parsed content of `file` (YAML, or JSON for `.json`). @throws SourceError */
  read(file: string): unknown {
    return this.parsed(file).data;
  }

  /** The node at `loc`, or undefined when the pointer leads nowhere. */
  at(loc: Loc): Located | undefined {
    let cur: any = this.read(loc.file);
    for (const t of loc.pointer.split('/').slice(1)) {
      if (cur == null || typeof cur !== 'object') return undefined;
      cur = cur[unescapeToken(t)];
    }
    return cur === undefined ? undefined : { value: cur, loc };
  }

  /** The child `key` of an object or array node, or undefined. */
  child(n: Located | undefined, key: string | number): Located | undefined {
    const v = n?.value;
    if (v == null || typeof v !== 'object' || v[key] === undefined) return undefined;
    return { value: v[key], loc: { file: n!.loc.file, pointer: `${n!.loc.pointer}/${escapeToken(key)}` } };
  }

  /**
   * Follows `$ref` until a node without one (siblings of a `$ref` are the caller's business).
   * @throws SourceError for a `$ref` to a missing file or pointer, or a `$ref` cycle
   */
  resolve(n: Located): Located {
    let cur = n;
    const seen = new Set<string>();
    while (cur.value && typeof cur.value === 'object' && typeof cur.value.$ref === 'string') {
      const key = locKey(cur.loc);
      if (seen.has(key)) throw new SourceError(`$ref cycle through ${cur.value.$ref}`, cur.loc.file, this.position(cur.loc));
      seen.add(key);
      const ref: string = cur.value.$ref;
      const hash = ref.indexOf('#');
      const filePart = hash < 0 ? ref : ref.slice(0, hash);
      const pointer = hash < 0 ? '' : ref.slice(hash + 1);
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) throw new SourceError(`remote $ref ${ref} is not supported`, cur.loc.file, this.position(cur.loc));
      const file = filePart ? path.resolve(path.dirname(cur.loc.file), filePart) : cur.loc.file;
      let next: Located | undefined;
      try {
        next = this.at({ file, pointer: pointer.split('/').map((t, i) => (i === 0 ? t : escapeToken(unescapeToken(t)))).join('/') });
      } catch (e) {
        if (e instanceof SourceError && e.file === file && !e.position) {
          throw new SourceError(`$ref ${ref}: ${e.message}`, cur.loc.file, this.position(cur.loc));
        }
        throw e;
      }
      if (!next) throw new SourceError(`$ref ${ref} leads nowhere`, cur.loc.file, this.position(cur.loc));
      cur = next;
    }
    return cur;
  }

  /** `line:column` of the node at `loc` (YAML files), or undefined (JSON files are not position-mapped). */
  position(loc: Loc): string | undefined {
    const p = this.files.get(loc.file);
    if (!p?.doc || !p.lines) return undefined;
    let node: unknown = p.doc.contents;
    for (const t of loc.pointer.split('/').slice(1)) {
      const key = unescapeToken(t);
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node)) node = node.get(Number(key), true);
      else return undefined;
    }
    const range = (node as YamlNode | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = p.lines.linePos(range[0]);
    return `${line}:${col}`;
  }

  private parsed(file: string): Parsed {
    const done = this.files.get(file);
    if (done) return done;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new SourceError('file not found', file);
    }
    let parsed: Parsed;
    if (file.endsWith('.json')) {
      try {
        parsed = { data: JSON.parse(text) };
      } catch (e) {
        throw new SourceError(`invalid JSON: ${(e as Error).message}`, file);
      }
    } else {
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
      const err = doc.errors[0];
      if (err) {
        const { line, col } = lines.linePos(err.pos[0]);
        throw new SourceError(`invalid YAML: ${err.message.split('\n')[0]}`, file, `${line}:${col}`);
      }
      parsed = { data: doc.toJS({ maxAliasCount: 100 }), doc, lines };
    }
    this.files.set(file, parsed);
    return parsed;
  }
}
