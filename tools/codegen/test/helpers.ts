import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { OpenApiDoc, Schema } from '../src/openapi.js';

/** The fixture folder (fixture specs + their redocly.yaml). */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The repository root (its redocly.yaml is the real registry). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** The codegen bin. */
export const BIN = fileURLToPath(new URL('../bin/veeam-codegen.mjs', import.meta.url));

/** A minimal OpenAPI document with the given paths and schemas, for emitter table tests. */
export function doc(partial: Partial<OpenApiDoc> & { schemas?: Record<string, Schema> }): OpenApiDoc {
  const { schemas, ...rest } = partial;
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: schemas ?? {} }, ...rest };
}

/** Parses YAML inline in a test. */
export const yaml = (text: string): unknown => parse(text);

/**
 * A temp copy of the fixtures whose redocly.yaml points the plugin at the real one, so tests can write
 * and edit generated files without touching the repository.
 */
export function tempFixtures(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'veeam-codegen-'));
  cpSync(FIXTURES, dir, { recursive: true });
  const config = path.join(dir, 'redocly.yaml');
  const plugin = path.join(REPO, 'tools/redocly-plugin/veeam.cjs');
  writeFileSync(config, readFileSync(config, 'utf8').replace('../../../redocly-plugin/veeam.cjs', plugin));
  return dir;
}
