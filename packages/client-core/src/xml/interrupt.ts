import { failAt } from './errors.js';

/** Called once per markup construct (scanner) or element (mapping); checks every `every`-th call. */
export type Checkpoint = (text: string, offset: number) => void;

/**
 * Decoding is synchronous, so neither a timer nor an AbortSignal listener can run while it does: the
 * decoder polls instead. Returns undefined when there is nothing to poll (no deadline, no signal).
 * The first call checks too, so decoding that starts past the deadline stops at once.
 * @param deadline `Date.now()` value after which decoding throws XmlDecodeError `timeout`
 * @param signal an aborted signal makes decoding throw its reason
 */
export function checkpoint(deadline: number | undefined, signal: AbortSignal | undefined, every = 256): Checkpoint | undefined {
  if (deadline === undefined && signal === undefined) return undefined;
  let calls = 0;
  return (text, offset) => {
    if (calls++ % every !== 0) return;
    signal?.throwIfAborted();
    if (deadline !== undefined && Date.now() > deadline) failAt(text, offset, 'timeout', 'decoding ran past its deadline (the call timeout); stopped here');
  };
}
