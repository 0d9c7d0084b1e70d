// The published declarations (dist/, reached through package.json "exports") must resolve and keep their
// narrowing under both module resolutions consumers use: a fixture project is compiled with the real tsc.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures/resolution');
const packages = path.resolve(here, '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declarations = ['enterprise-manager', 'client-core'].map((name) => ({ name, dts: path.join(packages, name, 'dist/index.d.ts') }));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function compile(config: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', path.join(fixture, config), '--listFiles', '--pretty', 'false'], { cwd: fixture }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('dist declarations from a consumer project', () => {
  it('are built and not older than their sources', () => {
    for (const { name, dts } of declarations) {
      expect(existsSync(dts), `${dts} is missing: run \`pnpm turbo run build\` first`).toBe(true);
      const stale = newestSource(path.join(packages, name, 'src')) > statSync(dts).mtimeMs;
      expect(stale, `${dts} is older than packages/${name}/src: run \`pnpm turbo run build\` first`).toBe(false);
    }
  });

  // Hang guard only: tsc on a loaded 2-core machine takes tens of seconds.
  it.each(['nodenext', 'bundler'])(
    'compile under moduleResolution %s, through the dist declarations',
    async (resolution) => {
      const { code, output } = await compile(`tsconfig.${resolution}.json`);
      const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
      expect(errors, `tsc -p test/fixtures/resolution/tsconfig.${resolution}.json`).toEqual([]);
      expect(code).toBe(0);
      const files = output.split('\n').map((line) => path.resolve(line.trim()));
      for (const { dts } of declarations) expect(files, `${dts} should be the declarations the consumer compiled against`).toContain(dts);
    },
    180_000,
  );
});
