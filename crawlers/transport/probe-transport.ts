import type { TransportSecurity } from '../artifacts.ts';
import { detectBotChallenge } from '../bot-challenge.ts';
import { decodeHtml } from '../decode.ts';
import { type ExchangeContext, exchange } from '../link-status/exchange.ts';
import { followRedirects } from '../link-status/follow.ts';
import { HostPoliteness } from '../link-status/politeness.ts';
import { resolveLinkCheckSettings } from '../link-status/settings.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import { type ReachRule, reachGuard } from '../reach/reach-rule.ts';
import type { ReachContext } from '../reach/reachable-address.ts';
import { siteReach } from '../reach/site-reach.ts';
import { addressForUrl, type ResolveTable } from '../resolve/resolve-table.ts';
import { readCertificate } from './certificate.ts';

export interface ProbeTransportOptions {
  /** `--resolve` entries: they change where connections go, never the URL, Host, SNI or certificate name. */
  resolve?: ResolveTable;
  /** The limit of each request (and of the certificate handshake). Default 15 s. */
  timeoutMs?: number;
  /** Where requests may go besides the public internet (default: the homepage host's own addresses). */
  reach?: ReachRule;
  signal?: AbortSignal;
}

/**
 * Asks the homepage's host over HTTPS (status, certificate and its verification) and over plain HTTP
 * (redirects followed by hand, at most 10; a WAF's challenge at the end recorded). Requests are made
 * as the link check makes them, with its connection pool and redirect handling. A site's failure is
 * data; only the caller's abort rejects.
 */
export async function probeTransport(
  homepage: string,
  options: ProbeTransportOptions = {},
): Promise<TransportSecurity> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const resolve = everyPortOfThePinnedHost(options.resolve ?? [], homepage);
  const reach = options.reach ?? (await siteReach(homepage, { resolve }));
  const settings = resolveLinkCheckSettings({
    connectTimeoutMs: timeoutMs,
    responseTimeoutMs: timeoutMs,
    totalTimeoutMs: timeoutMs,
    maxRedirects: 10,
    resolve,
    reach,
  });
  const agent = new LenientTlsAgent(settings);
  const ctx: ExchangeContext = { agent, politeness: new HostPoliteness(), settings, signal: options.signal };
  try {
    const [https, http] = await Promise.all([
      askHttps(sameAddressWith(homepage, 'https:'), ctx, {
        guard: reachGuard(reach),
        resolve,
        timeoutMs: settings.connectTimeoutMs,
      }),
      askHttp(sameAddressWith(homepage, 'http:'), ctx),
    ]);
    return { https, http };
  } finally {
    await agent.close();
  }
}

/**
 * The table, plus the homepage's host on any port when the table points the homepage's own port
 * somewhere. An entry for that port only (`www.sc.gov.cn:8080:127.0.0.1`) would leave 443 and 80 to
 * the system resolver: the real host from a test, a false ENOTFOUND behind split DNS. The addition
 * comes after the table's entries, and `addressFor` prefers an exact port to `*`, so what the table
 * says of a port stands.
 */
function everyPortOfThePinnedHost(table: ResolveTable, homepage: string): ResolveTable {
  const address = addressForUrl(table, homepage);
  if (address === undefined) return table;
  return [...table, { host: new URL(homepage).hostname, port: '*', address }];
}

async function askHttps(
  url: string,
  ctx: ExchangeContext,
  reach: ReachContext,
): Promise<TransportSecurity['https']> {
  const { settings, signal } = ctx;
  signal?.throwIfAborted();
  const [answer, certificate] = await Promise.all([
    exchange({ url, method: 'GET', bytesToRead: () => 0 }, ctx),
    readCertificate(url, settings.totalTimeoutMs, reach, signal),
  ]);
  // The certificate's own handshake is the source of `tlsError`, as of `validTo` (the pool does not
  // give the date): both then describe one certificate, even when the server never answers the
  // request. The request's verdict stands in only when that handshake saw no certificate.
  const presented = certificate.tlsError !== undefined || certificate.validTo !== undefined;
  const tlsError = presented ? certificate.tlsError : answer.ok ? answer.tlsError : undefined;
  return {
    url,
    ...(answer.ok ? { status: answer.status } : { error: answer.error }),
    ...(tlsError ? { tlsError } : {}),
    ...(certificate.validTo ? { validTo: certificate.validTo } : {}),
  };
}

async function askHttp(url: string, ctx: ExchangeContext): Promise<TransportSecurity['http']> {
  const { end, finalUrl, redirects } = await followRedirects(
    url,
    'GET',
    (status) => (status >= 300 && status < 400 ? 0 : ctx.settings.maxBodyBytes),
    ctx,
  );
  if (!end.ok) return { url, error: end.error, finalUrl, redirects };
  const contentType = end.headers['content-type'];
  const text = end.body
    ? decodeHtml(end.body, Array.isArray(contentType) ? contentType[0] : contentType).text
    : '';
  const challenge = detectBotChallenge(end.status, end.headers, text);
  return { url, status: end.status, finalUrl, redirects, ...(challenge ? { challenge } : {}) };
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
