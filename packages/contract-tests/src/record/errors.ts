/**
 * What the live server or the way to it refused: a wrong password, an unreachable host, a TLS
 * failure, a timeout. The user's situation, not a bug of ours: the CLI prints the message as one line
 * and exits 2 (like a usage error), never a stack trace.
 */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
}

/** Node's error codes for a certificate the client does not trust. */
const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A hint for a network error code, or ''. */
export function networkHint(code: string | undefined): string {
  if (code && CERT_CODES.has(code)) return ' (the server certificate is not trusted; EM and VB365 install a self-signed one: pass --insecure to accept it)';
  if (code === 'ECONNREFUSED') return ' (nothing listens there: check the host and port of --base-url)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ' (the host name does not resolve)';
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER') return ' (TLS handshake failed: is it an http:// port?)';
  return '';
}
