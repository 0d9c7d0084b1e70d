import type { $Read, $Write } from 'openapi-typescript-helpers';

/**
 * openapi-typescript-helpers' `Readable` (drops write-only members), except that primitives pass through
 * untouched: the helpers' version maps every `object`-like type, and the `string & {}` member of an open
 * string set (`'A' | (string & {})`, EM's `LinkType`) counts as one, so it became a mapped object.
 */
export type Readable<T> = T extends $Write<any>
  ? never
  : T extends $Read<infer U>
    ? Readable<U>
    : T extends string | number | boolean | bigint | symbol | null | undefined
      ? T
      : T extends (infer E)[]
        ? Readable<E>[]
        : T extends object
          ? { [K in keyof T as NonNullable<T[K]> extends $Write<any> ? never : K]: Readable<T[K]> }
          : T;
