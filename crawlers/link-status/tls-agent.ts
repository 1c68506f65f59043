import { TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { addressFor, type ResolveTable, urlPort } from '../resolve/resolve-table.ts';

/** What the link check's connections need: timeouts, and the `--resolve` entries. */
export interface AgentTimeouts {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  resolve?: ResolveTable;
}

/**
 * The link check's connection pool. Certificates are not enforced, as the crawl does not enforce them
 * and browsers repair what is most often wrong on these sites (an incomplete chain): a file behind such
 * a certificate reaches its reader. What verification would have said is kept per host, so that the
 * status of every link to that host can carry it.
 */
export class LenientTlsAgent {
  readonly dispatcher: Agent;
  private readonly problems = new Map<string, string>();

  constructor(timeouts: AgentTimeouts) {
    const connector = buildConnector({ rejectUnauthorized: false, timeout: timeouts.connectTimeoutMs });
    const table = timeouts.resolve ?? [];
    this.dispatcher = new Agent({
      connect: (options, callback) =>
        connector(resolved(table, options), (error, socket) => {
          if (socket instanceof TLSSocket && !socket.authorized) {
            this.problems.set(hostKey(options.hostname, options.port), String(socket.authorizationError));
          }
          // The callback's two shapes ([Error, null] | [null, socket]) are passed on as they came.
          (callback as (...args: unknown[]) => void)(error, socket);
        }),
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

/**
 * The connection options with the hostname replaced by the `--resolve` address, if one is given: the
 * connector still takes SNI (and the certificate name) from `host`, and the Host header is the URL's.
 */
function resolved<T extends { hostname: string; protocol: string; port: string }>(
  table: ResolveTable,
  options: T,
): T {
  const address =
    table.length > 0
      ? addressFor(table, options.hostname, urlPort(options.port, options.protocol))
      : undefined;
  return address === undefined ? options : { ...options, hostname: address };
}

function hostKey(hostname: string, port: string): string {
  return `${hostname}:${port || '443'}`;
}
