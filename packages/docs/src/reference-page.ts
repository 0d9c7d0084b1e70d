import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertOffline, makeOffline } from './offline.js';
import { runRedocly } from './redocly.js';

/**
 * Renders `<outDir>/index.html` from a bundled spec with `redocly build-docs --inlineBundle`
 * (Redoc's standalone bundle embedded), then removes the last CDN reference and checks the page
 * loads nothing from the network.
 */
export async function buildReferencePage(bundledJson: string, outDir: string, title: string, rootDir: string): Promise<string> {
  const outFile = path.join(outDir, 'index.html');
  await runRedocly(
    ['build-docs', bundledJson, '--inlineBundle', '--output', outFile, '--title', title],
    rootDir,
    `building the reference page ${path.relative(rootDir, outFile)}`,
  );
  const html = makeOffline(readFileSync(outFile, 'utf8'));
  assertOffline(html, outFile);
  writeFileSync(outFile, html);
  return outFile;
}
