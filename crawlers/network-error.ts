/**
 * The error code recorded when no usable response came, for a crawled page and a checked link alike:
 * - `CONNECT_TIMEOUT`: the connection could not be opened in time;
 * - `TIMEOUT`: no headers in time, a silent body, or the total deadline passed;
 * - `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `ECONNRESET`, `EHOSTUNREACH`, `ENETUNREACH`, …: Node's codes;
 * - a TLS handshake or certificate code (`ERR_SSL_…`, `EPROTO`, `CERT_HAS_EXPIRED`), kept as is;
 * - `BAD_RESPONSE`: the server answered something that is not HTTP;
 * - `NETWORK_ERROR` when the error carries no code.
 * Redirect problems (`REDIRECT_LOOP`, `TOO_MANY_REDIRECTS`, `BAD_REDIRECT`) and timeouts whose phase
 * the client reports are decided by the caller, which knows the trail and the phase.
 */
export function networkErrorCode(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case undefined:
      return isTimeout(error) ? 'TIMEOUT' : 'NETWORK_ERROR';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'CONNECT_TIMEOUT';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return 'TIMEOUT';
    // undici's "other side closed": the server dropped the connection, Node's "socket hang up".
    case 'UND_ERR_SOCKET':
      return 'ECONNRESET';
    // Headers past undici's limit (Node's http says HPE_HEADER_OVERFLOW).
    case 'UND_ERR_HEADERS_OVERFLOW':
      return 'BAD_RESPONSE';
    default:
      // llhttp's parse errors (HPE_INVALID_STATUS, …).
      return code.startsWith('HPE_') ? 'BAD_RESPONSE' : code;
  }
}

/** The error's `code`, or its cause's (undici and fetch wrap the socket error). */
export function errorCode(error: unknown): string | undefined {
  return ownCode(error) ?? ownCode((error as { cause?: unknown } | null | undefined)?.cause);
}

/** A timeout that carries no code: an AbortSignal.timeout's TimeoutError, Crawlee's "timed out after". */
function isTimeout(error: unknown): boolean {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return true;
  return error instanceof Error && /timed out/i.test(error.message);
}

function ownCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}
