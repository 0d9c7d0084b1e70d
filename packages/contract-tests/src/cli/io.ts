/** What a CLI command reads and writes, injectable so tests can run commands in-process. */
import type { Readable } from 'node:stream';
import { DEFAULT_MAX_BODY_BYTES } from '../recordings/load.js';
import { asProduct } from '../recordings/product.js';
import { PRODUCTS, type Product } from '../types.js';
import { stringOption, type ParsedArgs } from './args.js';
import { UsageError } from './errors.js';

/** Streams and environment of one CLI run. */
export interface CliIO {
  stdout: { write(s: string): boolean };
  stderr: { write(s: string): boolean; isTTY?: boolean; columns?: number };
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The process's own streams. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Reads `--product`, checking it names a product. */
export function productOption(args: ParsedArgs, command: string, required: true): Product;
export function productOption(args: ParsedArgs, command: string, required?: false): Product | undefined;
export function productOption(args: ParsedArgs, command: string, required = false): Product | undefined {
  const raw = required ? stringOption(args, command, 'product', true) : stringOption(args, command, 'product');
  if (raw === undefined) return undefined;
  const p = asProduct(raw);
  if (!p) throw new UsageError(`${command}: --product must be one of ${PRODUCTS.join(', ')}, got "${raw}"`);
  return p;
}

/** Parses `--max-body-mb` (whole MiB, 1..99999) into bytes. */
export function maxBodyOption(raw: string | undefined, command: string): number {
  if (raw === undefined) return DEFAULT_MAX_BODY_BYTES;
  if (!/^[1-9]\d{0,4}$/.test(raw)) throw new UsageError(`${command}: --max-body-mb must be a whole number of MiB (1..99999), got "${raw}"`);
  return Number(raw) * 1024 * 1024;
}
