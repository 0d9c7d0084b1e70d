/** TLS settings for servers with self-signed or private-CA certificates (typical for EM and VB365). */
export interface TlsOptions {
  /**
   * PEM certificate(s) of the CA(s) to trust for this client only (replaces the default CA list). A
   * `Buffer` is a `Uint8Array`; naming the latter keeps @types/node out of the published declarations.
   */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /**
   * Turns off certificate verification for this client only. Anyone on the network path can then read
   * and change the traffic, credentials included: use it for lab servers, never in production.
   * @default false
   */
  dangerouslyAcceptAnyCertificate?: boolean;
}

/** The fetch signature the transport uses: a URL plus init, or a ready Request (body-less calls). */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/**
 * Returns a fetch bound to an undici Agent with the given TLS settings, or undefined when none are given
 * (then the global fetch is used). Only this client's connections are affected: no global dispatcher,
 * no NODE_TLS_REJECT_UNAUTHORIZED.
 */
export function createTlsFetch(tls: TlsOptions | undefined): FetchLike | undefined {
  if (!tls || (tls.ca === undefined && !tls.dangerouslyAcceptAnyCertificate)) return undefined;
  if (tls.dangerouslyAcceptAnyCertificate) {
    process.emitWarning('TLS certificate verification is disabled for this Veeam client (tls.dangerouslyAcceptAnyCertificate).', {
      code: 'VEEAM_TLS_INSECURE',
    });
  }
  const connect = {
    ...(tls.ca !== undefined ? { ca: Array.isArray(tls.ca) ? tls.ca.map(asTlsInput) : asTlsInput(tls.ca) } : {}),
    rejectUnauthorized: !tls.dangerouslyAcceptAnyCertificate,
  };
  // undici is loaded on first use so clients without TLS options never pay for it.
  let ready: Promise<FetchLike> | undefined;
  const load = async (): Promise<FetchLike> => {
    const undici = await import('undici');
    const dispatcher = new undici.Agent({ connect });
    return (input, init) => {
      // A global Request is not undici's own Request class: pass its parts instead.
      const [url, options] =
        typeof input === 'string' ? [input, init] : [input.url, { method: input.method, headers: input.headers, signal: input.signal, redirect: input.redirect, ...init }];
      return undici.fetch(url, { ...(options as object), dispatcher } as Parameters<typeof undici.fetch>[1]) as unknown as Promise<Response>;
    };
  };
  return async (input, init) => (await (ready ??= load()))(input, init);
}

/** node:tls types want a Buffer: view the caller's bytes as one (no copy). */
function asTlsInput(pem: string | Uint8Array): string | Buffer {
  return typeof pem === 'string' ? pem : Buffer.from(pem.buffer, pem.byteOffset, pem.byteLength);
}
