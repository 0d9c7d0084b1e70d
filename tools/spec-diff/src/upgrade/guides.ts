// The upgrade guides the repo publishes: which two API versions each compares, where it is written
// and where its hand-written preamble lives (tools/spec-diff/guides/, Markdown starting with the title).

/** One guide: old and new registry alias, output and preamble (both relative to the repo root). */
export interface GuideSpec {
  from: string;
  to: string;
  file: string;
  preambleFile: string;
}

/** The folder of the generated guides, relative to the repo root. */
export const GUIDE_DIR = 'docs/upgrade';

/** Every published guide, in the order they are written. */
export const GUIDES: readonly GuideSpec[] = [
  { from: 'm365@v3', to: 'm365@v8', file: `${GUIDE_DIR}/m365-v3-to-v8.md`, preambleFile: 'tools/spec-diff/guides/m365-v3-to-v8.md' },
  { from: 'azure@v2', to: 'azure@v8.1', file: `${GUIDE_DIR}/azure-v2-to-v8.1.md`, preambleFile: 'tools/spec-diff/guides/azure-v2-to-v8.1.md' },
];
