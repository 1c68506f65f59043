import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { addressForUrl, type ResolveTable } from '../resolve/resolve-table.ts';

/**
 * Opens one strictly verified TLS connection to the URL's host and returns the certificate error code
 * (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, …), or undefined when
 * the certificate is valid or the host could not be reached at all (the crawl records that failure).
 * The crawl itself ignores certificate errors so that the site can still be inspected. A `--resolve`
 * entry for the host changes only where the connection goes: SNI and the name verified stay the host's.
 */
export function probeTls(
  url: string,
  timeoutMs: number,
  table: ResolveTable = [],
): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({
      host: addressForUrl(table, url) ?? host,
      port: Number(port || 443),
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
    });
    const finish = (code: string | undefined) => {
      socket.destroy();
      resolve(code);
    };
    socket.setTimeout(timeoutMs, () => finish(undefined));
    socket.once('secureConnect', () => finish(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(isCertificateError(error) ? error.code : undefined),
    );
  });
}

/** Certificate verification codes, as opposed to network failures (refused, reset, unresolved), which the crawl records. */
function isCertificateError(error: NodeJS.ErrnoException): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY|DECRYPT)|HOSTNAME|ALTNAME/.test(error.code ?? '');
}
