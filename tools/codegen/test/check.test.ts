// `veeam-codegen --check` through the real CLI, on a temp copy of the fixtures (never the repo's files).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempFixtures } from './helpers.js';

function cli(dir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, '--config', path.join(dir, 'redocly.yaml'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('veeam-codegen --check', () => {
  let dir: string;
  const gen = 'out/em-xml/src/generated';

  beforeAll(() => {
    dir = tempFixtures();
    const first = cli(dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote ${gen}/xml.gen.ts`);
  });

  it('passes on fresh output and writes nothing', () => {
    const run = cli(dir, '--check');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 API(s) up to date (em-xml@v1, json-api@v3)');
  });

  it('names an edited file with the first differing line, a missing one and an extra one (exit 1)', () => {
    appendFileSync(path.join(dir, gen, 'operations.gen.ts'), '// hand edit\n');
    rmSync(path.join(dir, gen, 'xml.gen.ts'));
    writeFileSync(path.join(dir, gen, 'old.gen.ts'), 'export {};\n');
    const run = cli(dir, '--check');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`stale: ${gen}/operations.gen.ts (line `);
    expect(run.stderr).toContain('committed "// hand edit", generated ""');
    expect(run.stderr).toContain(`missing: ${gen}/xml.gen.ts`);
    expect(run.stderr).toContain(`extra: ${gen}/old.gen.ts`);
    expect(run.stderr).toContain('3 generated file(s) differ');
    expect(existsSync(path.join(dir, gen, 'xml.gen.ts'))).toBe(false); // --check wrote nothing
  });

  it('regenerating repairs the drift', () => {
    expect(cli(dir).status).toBe(0);
    expect(existsSync(path.join(dir, gen, 'old.gen.ts'))).toBe(false);
    expect(cli(dir, '--check').status).toBe(0);
  });

  it('exits 2 naming file, line and pointer for a broken spec', () => {
    const broken = tempFixtures();
    writeFileSync(path.join(broken, 'json-api.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    $ref: ./missing.yaml\n');
    const run = cli(broken, '--check', '--product', 'json-api');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n  json-api\.yaml:5:5: Can't resolve \$ref: .* \(#\/paths\/~1a\)\n/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown product', () => {
    const run = cli(dir, '--check', '--product', 'nope');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('redocly.yaml: no API "nope" in the registry (known: em-xml@v1, json-api@v3)');
  });
});
