/**
 * The error code recorded as a link's status when no usable response came:
 * - `CONNECT_TIMEOUT`: the connection could not be opened in time;
 * - `TIMEOUT`: no headers in time, a silent body, or the exchange's total deadline passed;
 * - `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `ECONNRESET`, `EHOSTUNREACH`, `ENETUNREACH`, …: Node's codes;
 * - a TLS certificate code (`DEPTH_ZERO_SELF_SIGNED_CERT`, `CERT_HAS_EXPIRED`,
 *   `ERR_TLS_CERT_ALTNAME_INVALID`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`, …), kept as is;
 * - `BAD_RESPONSE`: the server answered something that is not HTTP;
 * - `NETWORK_ERROR` when the error carries no code.
 * Redirect problems (`REDIRECT_LOOP`, `TOO_MANY_REDIRECTS`, `BAD_REDIRECT`) are decided in probe.ts.
 */
export function networkErrorCode(error: unknown): string {
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  switch (code) {
    case undefined:
      return (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK_ERROR';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'CONNECT_TIMEOUT';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return 'TIMEOUT';
    // undici's "other side closed": the server dropped the connection, Node's "socket hang up".
    case 'UND_ERR_SOCKET':
      return 'ECONNRESET';
    default:
      // llhttp's parse errors (HPE_INVALID_STATUS, …).
      return code.startsWith('HPE_') ? 'BAD_RESPONSE' : code;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}
