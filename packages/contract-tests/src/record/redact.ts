/**
 * Removes secrets from what the recorder writes: every occurrence of a known secret (password, session
 * id, access and refresh tokens, in plain and URL-encoded form) becomes `REDACTED`; optionally host
 * names become `example.com` (the same host always maps to the same name). Headers are never written.
 */

/** The replacement of a secret. */
export const REDACTED = 'REDACTED';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collects secrets and host names as they appear, and rewrites text. */
export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly hosts = new Map<string, string>();

  /**
   * @param redactHosts replace host names at all
   * @param basePaths API base paths (`api`, `v3`): only hosts of URLs under them are collected, so XML
   *   namespaces (`http://www.veeam.com/ent/v1.0`) and other non-API URLs stay intact
   */
  constructor(private readonly redactHosts: boolean, private readonly basePaths: readonly string[] = []) {}

  /** Adds a secret; strings shorter than 4 characters are ignored (they would mangle bodies). */
  addSecret(value: string | undefined): void {
    if (!value || value.length < 4) return;
    for (const form of new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64')])) this.secrets.add(form);
    // EM's X-RestSvcSessionId is base64 of the logon session GUID, which bodies and URLs carry too.
    if (/^[A-Za-z0-9+/]{12,}={0,2}$/.test(value)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      if (decoded.length >= 8 && /^[\x21-\x7e]+$/.test(decoded)) this.secrets.add(decoded);
    }
  }

  /** Registers a host name to hide (no-op unless host redaction is on). */
  addHost(host: string): void {
    if (!this.redactHosts) return;
    const h = host.toLowerCase();
    if (this.hosts.has(h) || h === 'example.com' || h.endsWith('.example.com')) return;
    this.hosts.set(h, this.hosts.size === 0 ? 'example.com' : `host${this.hosts.size + 1}.example.com`);
  }

  /** Registers the host of every absolute API URL inside `text`. */
  collectHosts(text: string): void {
    if (!this.redactHosts) return;
    for (const m of text.matchAll(/\bhttps?:\/\/([A-Za-z0-9.-]+)(?::\d+)?(\/[^\s"'<>]*)?/g)) {
      const p = (m[2] ?? '/').replace(/^\/+/, '').toLowerCase();
      if (this.basePaths.some((b) => p === b.toLowerCase() || p.startsWith(`${b.toLowerCase()}/`))) this.addHost(m[1]!);
    }
  }

  /** Rewrites `text`: secrets first (they may contain host-like parts), then hosts. */
  apply(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    if (this.hosts.size > 0) {
      const names = [...this.hosts.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
      const re = new RegExp(`(?<![A-Za-z0-9.-])(${names.join('|')})(?![A-Za-z0-9-])`, 'gi');
      out = out.replace(re, (m) => this.hosts.get(m.toLowerCase()) ?? m);
    }
    return out;
  }
}
