import type { AddressRefusal } from '../artifacts.ts';
import { type ExchangeContext, exchange, type ResponseHeaders } from './exchange.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The end of a redirect chain: the last response, or the code of what stopped the chain. */
export type ChainEnd =
  | { ok: true; status: number; headers: ResponseHeaders; body?: Uint8Array }
  | { ok: false; error: string; refused?: AddressRefusal };

export interface Chain {
  method: 'HEAD' | 'GET';
  finalUrl: string;
  /** Each URL redirected to, in order. */
  redirects: string[];
  end: ChainEnd;
  /** The first certificate problem met along the chain (the request went through regardless). */
  tlsError?: string;
}

/**
 * Requests `target` and follows its redirects (at most `maxRedirects` hops). Cookies set along the way
 * are sent on the next hops, as a browser would: WAFs and session checks often redirect a page to
 * itself with a cookie, which is not a loop. A loop is a URL seen again with the same cookies.
 */
export async function followRedirects(
  target: string,
  method: 'HEAD' | 'GET',
  bytesToRead: (status: number, headers: ResponseHeaders) => number,
  ctx: ExchangeContext,
): Promise<Chain> {
  const redirects: string[] = [];
  const jar = new CookieJar();
  const seen = new Set<string>();
  let url = target;
  let tlsError: string | undefined;
  for (;;) {
    const cookie = jar.header(url);
    seen.add(`${url} ${cookie}`);
    const result = await exchange({ url, method, cookie, bytesToRead }, ctx);
    if (result.ok) tlsError ??= result.tlsError;
    const chain = (end: ChainEnd): Chain => ({
      method,
      finalUrl: url,
      redirects,
      end,
      ...(tlsError ? { tlsError } : {}),
    });
    const next = result.ok ? redirectLocation(result.status, result.headers, url) : undefined;
    if (!result.ok || next === undefined) return chain(result);
    if (next === null) return chain({ ok: false, error: 'BAD_REDIRECT' });
    jar.store(url, result.headers['set-cookie']);
    redirects.push(next);
    if (seen.has(`${next} ${jar.header(next)}`)) return chain({ ok: false, error: 'REDIRECT_LOOP' });
    if (redirects.length > ctx.settings.maxRedirects) {
      return chain({ ok: false, error: 'TOO_MANY_REDIRECTS' });
    }
    url = next;
  }
}

/**
 * Where an answer redirects to: undefined when it is no redirect (another status, or no Location),
 * null when its Location is no usable http(s) URL.
 */
export function redirectLocation(
  status: number,
  headers: ResponseHeaders,
  base: string,
): string | null | undefined {
  const { location } = headers;
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  return redirectTarget(location, base) ?? null;
}

/**
 * The absolute http(s) URL a Location header points to, fragment removed; undefined when it is not one.
 * Servers often send non-ASCII Location bytes raw; Node hands them over as Latin-1, so they are
 * re-read as UTF-8 when they form valid UTF-8.
 */
export function redirectTarget(location: string | string[], base: string): string | undefined {
  const raw = (Array.isArray(location) ? location[0] : location)?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(reinterpretLatin1(raw), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function reinterpretLatin1(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** Name=value cookies per host, for the length of one chain. */
class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(url: string, setCookie: string | string[] | undefined): void {
    const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
    const host = new URL(url).host;
    for (const line of lines) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookies = this.byHost.get(host) ?? new Map<string, string>();
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      this.byHost.set(host, cookies);
    }
  }

  header(url: string): string {
    const cookies = this.byHost.get(new URL(url).host) ?? new Map<string, string>();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
