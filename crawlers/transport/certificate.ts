import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { type ReachContext, reachableAddress } from '../reach/reachable-address.ts';

/** The certificate a host presents, and what verification says of it. */
export interface PresentedCertificate {
  /** The verification error (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, …). */
  tlsError?: string;
  /** The end of the certificate's validity (ISO). */
  validTo?: string;
}

/**
 * Opens one TLS connection to the https URL's host and reads its certificate. The handshake is not
 * refused on a bad certificate, so that an expired one still shows its date; the verdict of strict
 * verification (host name included) is taken from the socket. No certificate (refused, timed out, not
 * TLS, an address the reach rule refuses) is an empty answer: the HTTP request records that failure.
 * Rejects when `signal` aborts; never throws.
 */
export async function readCertificate(
  url: string,
  timeoutMs: number,
  reach: ReachContext,
  signal?: AbortSignal,
): Promise<PresentedCertificate> {
  signal?.throwIfAborted();
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const checked = await reachableAddress(host, Number(port || 443), reach).catch(() => undefined);
  if (checked === undefined) return {};
  return handshake(host, checked.address, Number(port || 443), timeoutMs, signal);
}

function handshake(
  host: string,
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<PresentedCertificate> {
  // Inside the executor, so that an abort (or a bad URL) is a rejection, never a synchronous throw
  // that would strand the caller's other promises.
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const socket = connect({
      host: address,
      port,
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const onAbort = () => {
      socket.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (certificate: PresentedCertificate) => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(certificate);
    };
    socket.setTimeout(timeoutMs, () => finish({}));
    socket.on('error', () => finish({}));
    socket.once('secureConnect', () => {
      const validTo = new Date(socket.getPeerCertificate().valid_to ?? '');
      finish({
        ...(socket.authorized ? {} : { tlsError: String(socket.authorizationError) }),
        ...(Number.isNaN(validTo.getTime()) ? {} : { validTo: validTo.toISOString() }),
      });
    });
  });
}
