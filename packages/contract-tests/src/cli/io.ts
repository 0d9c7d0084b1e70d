/** What a CLI command reads and writes, injectable so tests can run commands in-process. */
import type { Readable } from 'node:stream';
import { DEFAULT_MAX_BODY_BYTES } from '../recordings/load.js';
import type { ApiInfo } from '../spec/source.js';
import type { ApiAlias, Product } from '../types.js';
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

/** Which APIs a command works on: `--product` (every version of it) and/or `--api` (one version). */
export interface ApiScope {
  product?: Product;
  api?: ApiAlias;
}

/** Reads `--product` and `--api` (their values are checked against the specs by {@link checkScope}). */
export function readScope(args: ParsedArgs, command: string): ApiScope {
  const product = stringOption(args, command, 'product');
  const api = stringOption(args, command, 'api');
  if (api !== undefined && !/^[a-z0-9][a-z0-9-]*@[A-Za-z0-9][A-Za-z0-9._-]*$/.test(api)) {
    throw new UsageError(`${command}: --api must be an API alias <product>@<version>, e.g. m365@v8, got "${api}"`);
  }
  return { ...(product !== undefined ? { product } : {}), ...(api !== undefined ? { api } : {}) };
}

/**
 * Checks a scope against the APIs of the specs.
 * @throws UsageError naming the unknown product or API and the known ones
 */
export function checkScope(scope: ApiScope, apis: readonly ApiInfo[], command: string): ApiScope {
  const products = [...new Set(apis.map((a) => a.product))];
  if (scope.product !== undefined && !products.includes(scope.product)) {
    throw new UsageError(`${command}: --product must be one of ${products.join(', ')}, got "${scope.product}"`);
  }
  if (scope.api !== undefined) {
    const api = apis.find((a) => a.alias === scope.api);
    if (!api) throw new UsageError(`${command}: --api must be one of ${apis.map((a) => a.alias).join(', ')}, got "${scope.api}"`);
    if (scope.product !== undefined && api.product !== scope.product) throw new UsageError(`${command}: --api ${scope.api} is not an API of --product ${scope.product}`);
  }
  return scope;
}

/** Parses `--max-body-mb` (whole MiB, 1..99999) into bytes. */
export function maxBodyOption(raw: string | undefined, command: string): number {
  if (raw === undefined) return DEFAULT_MAX_BODY_BYTES;
  if (!/^[1-9]\d{0,4}$/.test(raw)) throw new UsageError(`${command}: --max-body-mb must be a whole number of MiB (1..99999), got "${raw}"`);
  return Number(raw) * 1024 * 1024;
}
