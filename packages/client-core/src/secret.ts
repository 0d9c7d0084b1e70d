import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Holds a credential (password, token, session id) so that it never shows in `util.inspect`,
 * `JSON.stringify`, string conversion or error messages; only `reveal()` gives the value.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The secret value, for the one place that puts it on the wire. */
  reveal(): string {
    return this.#value;
  }
  /** Always `[redacted]`. */
  toString(): string {
    return REDACTED;
  }
  /** Always `[redacted]`. */
  toJSON(): string {
    return REDACTED;
  }
  /** Always `[redacted]`. */
  [inspect.custom](): string {
    return REDACTED;
  }
}
