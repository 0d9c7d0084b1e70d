/** Decides which product a recorded URL or a recordings path belongs to. */
import path from 'node:path';
import { PRODUCTS, type Product } from '../types.js';

/** Reads a `--product` value, or undefined when it names no product. */
export function asProduct(value: string): Product | undefined {
  return (PRODUCTS as readonly string[]).includes(value) ? (value as Product) : undefined;
}

/**
 * Product from a URL's base path: `/api/v2` azure, `/v3` m365, `/api` enterprise-manager (checked in
 * that order, since `/api/v2` also starts with `/api`). Undefined for any other URL.
 */
export function productFromUrl(url: string): Product | undefined {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://placeholder.invalid').pathname.toLowerCase();
  } catch {
    return undefined;
  }
  if (/^\/api\/v2(\/|$)/.test(pathname)) return 'azure';
  if (/^\/v3(\/|$)/.test(pathname)) return 'm365';
  if (/^\/api(\/|$)/.test(pathname)) return 'enterprise-manager';
  return undefined;
}

/** Product from a recordings path (`.../recordings/m365/getJob/200.json` -> m365), nearest folder first. */
export function productFromPath(file: string): Product | undefined {
  const parts = path.resolve(file).split(path.sep).reverse();
  for (const part of parts) {
    const p = asProduct(part);
    if (p) return p;
  }
  return undefined;
}
