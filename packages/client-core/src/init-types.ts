// The init (second argument) a call takes: openapi-fetch's options minus those the clients do not honour,
// plus the client's own; any other key is a compile error.
import type { FetchOptions } from 'openapi-fetch';
import type { RequiredKeysOf } from 'openapi-typescript-helpers';
import type { CallOptions } from './types.js';

/**
 * openapi-fetch init keys the clients do not honour, so a call that sets them does not compile:
 * `parseAs` (bodies are always read as text and decoded by the client, JSON or EM XML alike),
 * `method` (fixed by `GET`/`POST`/…), `baseUrl` (a client talks to the one server its auth and
 * `follow()` are bound to).
 */
export type UnsupportedInitKey = 'parseAs' | 'method' | 'baseUrl';

/**
 * Init of a call to operation `Op`: `params`, `body`, `headers`, `signal`, `querySerializer`,
 * `bodySerializer`, `pathSerializer`, `middleware`, `fetch` and the other `RequestInit` members
 * (`redirect`, `cache`, `credentials`, …) as openapi-fetch types them, `timeoutMs`, plus the product's
 * extras `X` (EM: `format`).
 */
export type VeeamInit<Op, X> = Omit<FetchOptions<Op>, UnsupportedInitKey> & CallOptions & X;

/**
 * The init argument list of a call to `Op`: optional when the operation has no required parameters and
 * no required body. The clients' methods infer it as a `const` tuple, so literals in the init (such as
 * `format: 'Entity'`) keep their types, and a call without an init is `[]`.
 */
export type InitArgs<Op, X> = RequiredKeysOf<FetchOptions<Op>> extends never ? [VeeamInit<Op, X>?] : [VeeamInit<Op, X>];

/**
 * The inferred init with every key `Allowed` lacks typed `never`. Inference accepts extra keys on a
 * generic argument (no excess-property check), so this is what makes `format` on m365/azure, or a
 * misspelled option, a compile error that points at the key.
 */
export type KnownKeysOnly<Init, Allowed> = Init & { [K in Exclude<keyof Init, keyof Allowed>]: never };

/** {@link KnownKeysOnly} over the inferred argument tuple (homomorphic, so inference still sees `Args`). */
export type KnownKeysArgs<Args, Allowed> = { [I in keyof Args]: KnownKeysOnly<Args[I], Allowed> };
