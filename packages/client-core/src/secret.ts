const REDACTED = '[redacted]';

// Node's `util.inspect.custom` is this registered symbol; naming it so keeps `node:util` (and so
// @types/node) out of the published declarations.
const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');

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
  [INSPECT_CUSTOM](): string {
    return REDACTED;
  }
}
