import type { TransportSecurity } from '../artifacts.ts';
import { type ExchangeContext, exchange } from '../link-status/exchange.ts';
import { followRedirects } from '../link-status/follow.ts';
import { HostPoliteness } from '../link-status/politeness.ts';
import { resolveLinkCheckSettings } from '../link-status/settings.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import type { ResolveTable } from '../resolve/resolve-table.ts';
import { readCertificate } from './certificate.ts';

export interface ProbeTransportOptions {
  /** `--resolve` entries: they change where connections go, never the URL, Host, SNI or certificate name. */
  resolve?: ResolveTable;
  /** The limit of each request (and of the certificate handshake). Default 15 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Asks the homepage's host over HTTPS (status, certificate and its verification) and over plain HTTP
 * (redirects followed by hand, at most 10). Requests are made as the link check makes them, with its
 * connection pool and redirect handling. A site's failure is data; only the caller's abort rejects.
 */
export async function probeTransport(
  homepage: string,
  options: ProbeTransportOptions = {},
): Promise<TransportSecurity> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const resolve = options.resolve ?? [];
  const settings = resolveLinkCheckSettings({
    connectTimeoutMs: timeoutMs,
    responseTimeoutMs: timeoutMs,
    totalTimeoutMs: timeoutMs,
    maxRedirects: 10,
    resolve,
  });
  const agent = new LenientTlsAgent(settings);
  const ctx: ExchangeContext = { agent, politeness: new HostPoliteness(), settings, signal: options.signal };
  try {
    const [https, http] = await Promise.all([
      askHttps(sameAddressWith(homepage, 'https:'), ctx),
      askHttp(sameAddressWith(homepage, 'http:'), ctx),
    ]);
    return { https, http };
  } finally {
    await agent.close();
  }
}

async function askHttps(url: string, ctx: ExchangeContext): Promise<TransportSecurity['https']> {
  const { settings, signal } = ctx;
  const [answer, certificate] = await Promise.all([
    exchange({ url, method: 'GET', bytesToRead: () => 0 }, ctx),
    readCertificate(url, settings.totalTimeoutMs, settings.resolve, signal),
  ]);
  return { url, ...(answer.ok ? { status: answer.status } : { error: answer.error }), ...certificate };
}

async function askHttp(url: string, ctx: ExchangeContext): Promise<TransportSecurity['http']> {
  const chain = await followRedirects(url, 'GET', () => 0, ctx);
  return {
    url,
    ...(chain.end.ok ? { status: chain.end.status } : { error: chain.end.error }),
    finalUrl: chain.finalUrl,
    redirects: chain.redirects,
  };
}

/**
 * The homepage's address with another scheme: the same host and path, on the scheme's default port
 * unless the homepage names a port for that very scheme.
 */
function sameAddressWith(homepage: string, protocol: 'http:' | 'https:'): string {
  const original = new URL(homepage);
  const url = new URL(original);
  url.protocol = protocol;
  url.port = original.protocol === protocol ? original.port : '';
  url.hash = '';
  return url.href;
}
