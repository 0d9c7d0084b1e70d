/** One response to check, from a recording or a HAR entry. */
import type { Product, ResponseInput } from '../types.js';
import type { RecordingOrigin } from './sidecar.js';

/** A response to check, with where it came from. */
export interface CheckItem {
  /** Shown in reports: a file path, or `file.har#/log/entries/3`. */
  source: string;
  product: Product;
  method: string;
  url: string;
  status: number;
  contentType?: string;
  /** The body bytes; absent when `problem` says why there is nothing to validate. */
  body?: Uint8Array;
  /** Why this item cannot be validated (e.g. a HAR entry saved without its body); reported as a failure. */
  problem?: string;
  /**
   * The body was not read because it is larger than the body limit (reported as `malformed`);
   * `size` in bytes when known.
   */
  tooLarge?: { size?: number };
  origin?: RecordingOrigin;
}

/** An input that was looked at and deliberately not checked (e.g. a HAR entry of another site). */
export interface SkippedInput {
  source: string;
  reason: string;
}

/** The validator input of an item that has a body. */
export function toResponseInput(item: CheckItem): ResponseInput {
  return {
    product: item.product,
    method: item.method,
    url: item.url,
    status: item.status,
    ...(item.contentType !== undefined ? { contentType: item.contentType } : {}),
    body: item.body ?? new Uint8Array(),
  };
}
