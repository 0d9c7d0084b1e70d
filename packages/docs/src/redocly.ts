import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DocsError } from './errors.js';

const require = createRequire(import.meta.url);
const cliDir = path.dirname(require.resolve('@redocly/cli/package.json'));

/** Path of the Redocly CLI entry point shipped in node_modules. */
export const redoclyCli = path.join(cliDir, 'bin', 'cli.js');

/**
 * Runs the Redocly CLI with `args` in `cwd` (telemetry and update notices off).
 * Throws {@link DocsError} with the CLI's own report (which names the file and pointer) when it fails.
 */
export function runRedocly(args: string[], cwd: string, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [redoclyCli, ...args],
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout + stderr);
        // The CLI's report is the useful part; drop its boxed Node-version banner.
        const report = `${stdout}\n${stderr}`.split('\n').filter((l) => !/^\s*[║╔╚]/.test(l)).join('\n').trim();
        reject(new DocsError(`${what} failed (redocly ${args[0]}):\n${report}`));
      },
    );
  });
}
