#!/usr/bin/env node
// Consumer smoke test (`pnpm smoke`, run by .ci/run after the tests): uses the packages the way another
// team would, from npm tarballs, outside this workspace, with npm (not pnpm).
//  1. pack every publishable package (pnpm pack: what pnpm publish uploads) and check each tarball;
//  2. npm-install the tarballs into a temp app in the OS temp dir; no package may run an install script,
//     and the clients must share one @veeam-rest/client-core;
//  3. type-check the app strictly with `nodenext` and with `bundler` (no @types/node), run the emitted
//     ESM and CJS, and type-check the contract-tests API (a Node tool: with @types/node);
//  4. require() every entry point;
//  5. `npx veeam-contract validate` on an XML and a JSON body (and an invalid one, which must fail);
//  6. start `veeam-contract mock` from the tarball on 127.0.0.1 and run the EM client in XML mode against it.
// Every step runs even when an earlier independent one failed; the summary names the failed steps.
// Only 127.0.0.1 is used, besides the npm registry for typescript and @types/node.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, packAll, publishablePackages, ROOT, run, tarballProblems } from './lib/workspace.mjs';

const APP_TEMPLATE = fileURLToPath(new URL('./smoke-consumer', import.meta.url));
const STEP_TIMEOUT_MS = 180_000;
const keep = process.argv.includes('--keep');

/** Versions of the consumer's own tools, as this repo pins them (pnpm-workspace.yaml catalog). */
function catalogVersion(name) {
  const yaml = readFileSync(path.join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const m = new RegExp(`^\\s+"?${name.replace('/', '\\/')}"?:\\s*(\\S+)\\s*$`, 'm').exec(yaml);
  if (!m) throw new Error(`${name} is not in the pnpm-workspace.yaml catalog`);
  return m[1];
}

const results = [];
function step(name, fn) {
  try {
    const note = fn();
    results.push({ name, ok: true });
    console.log(`smoke: ${name}: ok${note ? `  ${note}` : ''}`);
    return true;
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`smoke: ${name}: FAILED\n${String(e.message).replace(/^/gm, '    ')}`);
    return false;
  }
}
async function stepAsync(name, fn) {
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(`smoke: ${name}: ok${note ? `  ${note}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`smoke: ${name}: FAILED\n${String(e.message).replace(/^/gm, '    ')}`);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'veeam-rest-smoke-'));
const tarballs = path.join(work, 'tarballs');
const app = path.join(work, 'app');
mkdirSync(tarballs);
// npm in the app must not find this workspace's config or lockfile: the app lives under the OS temp dir.
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
for (const k of Object.keys(npmEnv)) if (k.startsWith('npm_package_') || k === 'npm_config_user_agent' || k === 'INIT_CWD') delete npmEnv[k];
const inApp = (cmd, args, opts = {}) => run(cmd, args, { cwd: app, env: npmEnv, timeout: STEP_TIMEOUT_MS, ...opts });

try {
  // 1. Pack.
  const pkgs = publishablePackages();
  let packed = [];
  const packedOk = step(`pack ${pkgs.length} packages`, () => {
    buildPackages(pkgs);
    packed = packAll(pkgs, tarballs);
    return packed.map((p) => path.basename(p.tarball)).join(' ');
  });
  for (const p of packed) {
    step(`tarball ${p.name}`, () => {
      const problems = tarballProblems(p.tarball);
      if (problems.length) throw new Error(problems.join('\n'));
    });
  }
  if (!packedOk) throw new Error('nothing to install');

  // 2. Install with npm into an app outside the workspace.
  cpSync(APP_TEMPLATE, app, { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'veeam-rest-smoke-app', private: true, version: '0.0.0' }, null, 2));
  const installed = step('npm install (tarballs + typescript + @types/node)', () => {
    inApp('npm', ['install', '--loglevel=error', ...packed.map((p) => p.tarball), `typescript@${catalogVersion('typescript')}`, `@types/node@${catalogVersion('@types/node')}`]);
    return `npm ${inApp('npm', ['--version']).trim()}, node ${process.version}`;
  });
  if (!installed) throw new Error('install failed');
  step('no install-time scripts in the installed tree', () => {
    const lock = JSON.parse(readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
    const withScripts = Object.entries(lock.packages ?? {}).filter(([, v]) => v.hasInstallScript).map(([k]) => k.replace(/^node_modules\//, ''));
    if (withScripts.length) throw new Error(`packages with install scripts: ${withScripts.join(', ')}`);
    return `${Object.keys(lock.packages).length - 1} packages`;
  });
  step('the clients share one @veeam-rest/client-core', () => {
    const nested = ['enterprise-manager', 'm365', 'azure'].filter((c) => existsSync(path.join(app, 'node_modules/@veeam-rest', c, 'node_modules/@veeam-rest/client-core')));
    if (nested.length) throw new Error(`own copies under: ${nested.join(', ')}`);
  });

  // 3. Type-check (strict) and run.
  const tsc = (project) => inApp(process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '-p', project], { step: `tsc -p ${project}` });
  const nodenextOk = step('tsc nodenext (ESM .mts + CJS .cts, no @types/node)', () => tsc('tsconfig.nodenext.json'));
  step('tsc bundler (no @types/node)', () => tsc('tsconfig.bundler.json'));
  step('tsc contract-tests API (with @types/node)', () => tsc('tsconfig.contract.json'));
  if (nodenextOk) {
    step('run the emitted ESM (build/esm.mjs)', () => inApp(process.execPath, ['build/esm.mjs'], { step: 'node build/esm.mjs' }).trim());
    step('run the emitted CommonJS (build/cjs.cjs)', () => inApp(process.execPath, ['build/cjs.cjs'], { step: 'node build/cjs.cjs' }).trim());
  }

  // 4. require() every entry point.
  step('require() every entry point', () => inApp(process.execPath, ['run/require-all.cjs'], { step: 'node run/require-all.cjs' }).trim());

  // 5. npx veeam-contract validate: an XML and a JSON body from the specs, and one invalid body.
  const bodies = path.join(app, 'bodies');
  mkdirSync(bodies);
  cpSync(path.join(ROOT, 'specs/enterprise-manager/examples/getBackupSession/200-entity.xml'), path.join(bodies, 'backup-session.xml'));
  const jobSession = readFileSync(path.join(ROOT, 'specs/m365/v3/examples/getJobSession/200.json'), 'utf8');
  writeFileSync(path.join(bodies, 'job-session.json'), jobSession);
  writeFileSync(path.join(bodies, 'job-session-invalid.json'), JSON.stringify({ ...JSON.parse(jobSession), progress: 'lots' }));
  const validate = (args) => inApp('npx', ['--no', '--', 'veeam-contract', 'validate', ...args], { step: `npx veeam-contract validate ${args.join(' ')}` }).trim();
  step('npx veeam-contract validate (EM XML)', () =>
    validate(['--product', 'enterprise-manager', '--request', 'GET /api/backupSessions/d46e39e0-1131-4585-91a7-e828ce7eafae?format=Entity', '--status', '200', '--content-type', 'application/xml', 'bodies/backup-session.xml']));
  step('npx veeam-contract validate (m365 JSON)', () =>
    validate(['--product', 'm365', '--request', 'GET /v3/JobSessions/a8cf9a63-64c3-4748-9c95-b1fbac0cce1d', '--status', '200', '--content-type', 'application/json', 'bodies/job-session.json']));
  step('npx veeam-contract validate rejects an invalid body (exit 1)', () => {
    try {
      validate(['--product', 'm365', '--request', 'GET /v3/JobSessions/a8cf9a63-64c3-4748-9c95-b1fbac0cce1d', '--status', '200', '--content-type', 'application/json', 'bodies/job-session-invalid.json']);
    } catch (e) {
      if (/failed \(exit 1\)/.test(e.message) && /\/progress/.test(e.message)) return 'exit 1, names /progress';
      throw e;
    }
    throw new Error('an invalid body passed');
  });

  // 6. veeam-contract mock from the tarball + the EM client in XML mode.
  await stepAsync('veeam-contract mock + EM client in XML mode', async () => {
    const bin = path.join(app, 'node_modules/.bin/veeam-contract');
    const mock = spawn(bin, ['mock', '--product', 'enterprise-manager', '--host', '127.0.0.1', '--port', '0'], { cwd: app, env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const { url, user, password } = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`mock did not start within ${STEP_TIMEOUT_MS / 1000}s:\n${out}`)), STEP_TIMEOUT_MS);
        const onData = (d) => {
          out += d;
          // "mock listening on <origin> (user …, password …):" then one "  <api> <url>" line per API.
          const m = /listening on http:\/\/127\.0\.0\.1:\d+ \(user "([^"]*)", password "([^"]*)"\):\n(?:.*\n)*?  enterprise-manager@\S+ (http:\/\/127\.0\.0\.1:\d+\S*)\n/.exec(out);
          if (m) { clearTimeout(timer); resolve({ url: m[3], user: m[1], password: m[2] }); }
        };
        mock.stdout.on('data', onData);
        mock.stderr.on('data', onData);
        mock.on('exit', (code) => { clearTimeout(timer); reject(new Error(`mock exited (code ${code}) before listening:\n${out.trim()}`)); });
      });
      return inApp(process.execPath, ['run/em-xml.cjs', url, user, password], { step: `node run/em-xml.cjs ${url}` }).trim();
    } finally {
      if (mock.exitCode === null && mock.signalCode === null) {
        const exited = new Promise((resolve) => mock.once('exit', resolve));
        mock.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (mock.exitCode === null && mock.signalCode === null) mock.kill('SIGKILL');
      }
    }
  });
} catch (e) {
  console.log(`smoke: stopped: ${e.message}`);
} finally {
  if (keep) console.log(`smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
console.log(failed.length ? `smoke: FAILED ${failed.length} of ${results.length} steps: ${failed.map((r) => r.name).join('; ')}` : `smoke: ok (${results.length} steps)`);
process.exitCode = failed.length || results.length === 0 ? 1 : 0;
