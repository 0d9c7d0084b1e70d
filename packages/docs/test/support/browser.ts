import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Flags from the issue: headless Debian chromium with no background traffic of its own. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True for URLs that stay on this machine: http(s)/ws(s) to 127.0.0.1, blob: of such an origin, data:, about:. */
export function staysOnLoopback(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.href === 'about:blank') return true;
  // blob: URLs carry their creator's origin (blob:http://127.0.0.1:port/uuid); a file:// page would give blob:null.
  if (u.protocol === 'blob:') return staysOnLoopback(u.pathname);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && u.hostname === '127.0.0.1';
}

/** A headless Chromium with a throwaway profile that records every request it makes. */
export interface RecordingBrowser {
  context: BrowserContext;
  /** Every request URL, in order. */
  requests: string[];
  /** Requests that would have left 127.0.0.1 (they are aborted, and fail the test). */
  offLoopback(): string[];
  close(): Promise<void>;
}

/** Launches `/usr/bin/chromium` through playwright-core (never a downloaded browser). */
export async function launchRecordingBrowser(): Promise<RecordingBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'veeam-docs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // Record first, then make sure nothing actually leaves the machine.
  await context.route('**/*', (route) => (staysOnLoopback(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  return {
    context,
    requests,
    offLoopback: () => requests.filter((u) => !staysOnLoopback(u)),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
