import { TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { PUBLIC_ONLY, type ReachRule, reachGuard } from '../reach/reach-rule.ts';
import { type ReachContext, reachableAddress } from '../reach/reachable-address.ts';
import { type ResolveTable, urlPort } from '../resolve/resolve-table.ts';

/** What the link check's connections need: timeouts, the `--resolve` entries, where they may go. */
export interface AgentTimeouts {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  resolve?: ResolveTable;
  /** Default: the public internet only. */
  reach?: ReachRule;
}

/**
 * The link check's connection pool. Certificates are not enforced, as the crawl does not enforce them
 * and browsers repair what is most often wrong on these sites (an incomplete chain): a file behind such
 * a certificate reaches its reader. What verification would have said is kept per host, so that the
 * status of every link to that host can carry it. Every connection goes to an address checked against
 * the reach rule (`reachableAddress`), at every redirect to a new origin: a refused one is never opened,
 * and the request fails with AddressRefusedError.
 */
export class LenientTlsAgent {
  readonly dispatcher: Agent;
  private readonly problems = new Map<string, string>();

  constructor(timeouts: AgentTimeouts) {
    const connector = buildConnector({ rejectUnauthorized: false, timeout: timeouts.connectTimeoutMs });
    const reach: ReachContext = {
      guard: reachGuard(timeouts.reach ?? PUBLIC_ONLY),
      resolve: timeouts.resolve ?? [],
      timeoutMs: timeouts.connectTimeoutMs,
    };
    this.dispatcher = new Agent({
      connect: (options, callback) => {
        // The callback's two shapes ([Error, null] | [null, socket]) are passed on as they came.
        const done = callback as (...args: unknown[]) => void;
        reachableAddress(options.hostname, urlPort(options.port, options.protocol), reach).then(
          // The connector still takes SNI (and the certificate name) from `host`; the Host header is the URL's.
          ({ address }) =>
            connector({ ...options, hostname: address }, (error, socket) => {
              if (socket instanceof TLSSocket && !socket.authorized) {
                this.problems.set(hostKey(options.hostname, options.port), String(socket.authorizationError));
              }
              done(error, socket);
            }),
          (error: unknown) => done(error, null),
        );
      },
      headersTimeout: timeouts.responseTimeoutMs,
      bodyTimeout: timeouts.responseTimeoutMs,
    });
  }

  /** The certificate problem of the URL's host (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, …), if one was seen. */
  tlsErrorOf(url: string): string | undefined {
    const { protocol, hostname, port } = new URL(url);
    return protocol === 'https:' ? this.problems.get(hostKey(hostname, port)) : undefined;
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

function hostKey(hostname: string, port: string): string {
  return `${hostname}:${port || '443'}`;
}
