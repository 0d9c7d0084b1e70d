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

  constructor(private readonly redactHosts: boolean) {}

  /** Adds a secret; strings shorter than 4 characters are ignored (they would mangle bodies). */
  addSecret(value: string | undefined): void {
    if (!value || value.length < 4) return;
    for (const form of new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64')])) this.secrets.add(form);
  }

  /** Registers a host name to hide (no-op unless host redaction is on). */
  addHost(host: string): void {
    if (!this.redactHosts) return;
    const h = host.toLowerCase();
    if (this.hosts.has(h) || h === 'example.com' || h.endsWith('.example.com')) return;
    this.hosts.set(h, this.hosts.size === 0 ? 'example.com' : `host${this.hosts.size + 1}.example.com`);
  }

  /** Registers every host that appears in an absolute URL inside `text`. */
  collectHosts(text: string): void {
    if (!this.redactHosts) return;
    for (const m of text.matchAll(/\bhttps?:\/\/([A-Za-z0-9.-]+)/g)) this.addHost(m[1]!);
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
