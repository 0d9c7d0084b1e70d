// Fixture registries for the tests: the committed `versions` fixture, and throwaway ones written per case.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Two versions of one product (listed out of order) and a second product with an XSD. */
export const VERSIONS = fileURLToPath(new URL('./fixtures/versions', import.meta.url));
/** The repository root: its redocly.yaml is the real registry. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** The repo's Redocly plugin (the externalValue inliner), by absolute path for temp registries. */
export const PLUGIN = path.join(REPO, 'tools/redocly-plugin/veeam.cjs');

/** A temp folder holding `files` (relative path -> text). */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spec-registry-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A registry with the plugin and inliner on and the given `apis:` block (YAML, indented by two). */
export function registryText(apis: string): string {
  return `telemetry: off\nplugins:\n  - ${PLUGIN}\napis:\n${apis}decorators:\n  veeam/inline-external-examples: on\n`;
}

/** A valid OpenAPI root without operations. */
export const MINIMAL = "openapi: 3.1.0\ninfo: { title: X, version: '1' }\npaths: {}\n";
