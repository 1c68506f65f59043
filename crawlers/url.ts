import { encodingParseUrl } from './encoding-parse-url.ts';

/** Query parameters that carry a session rather than content; two URLs differing only in them are one page. */
const SESSION_PARAMS = new Set([
  'jsessionid',
  'phpsessid',
  'sid',
  'sessionid',
  'session_id',
  'aspsessionid',
  'cfid',
  'cftoken',
  'zoneid',
]);

const SCHEMES_NOT_CHECKED = /^(mailto|tel|sms|javascript|data|blob|about|ftp|file|weixin|wxp):/i;

/**
 * Resolves `href` against `base` and normalizes it for de-duplication: fragment removed, session ids
 * (`;jsessionid=…` path parameters and session query parameters) stripped, non-ASCII paths
 * percent-encoded as UTF-8 (the WHATWG URL parser does this), a non-ASCII query in the `charset` of the
 * page the href is on (`encodingParseUrl`). The rest of the query is kept byte for byte, never re-encoded.
 * Returns null for hrefs that are not http(s) resources: mailto:, tel:, javascript:, data:, a bare
 * fragment, or unparsable text.
 */
export function normalizeUrl(href: string, base?: string, charset = 'utf-8'): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#') || SCHEMES_NOT_CHECKED.test(trimmed)) return null;
  const url = encodingParseUrl(trimmed, base, charset);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  // Each URL setter re-parses the URL: set only what changes.
  if (url.href.includes('#')) url.hash = '';
  if (url.pathname.includes(';')) {
    url.pathname = url.pathname.replace(/;(jsessionid|phpsessid|sid)=[^/?#]*/gi, '');
  }
  if (url.search === '') return url.href;
  // Pairs are dropped from the query as written: URLSearchParams would re-encode the rest as UTF-8.
  const pairs = url.search.slice(1).split('&');
  const kept = pairs.filter((pair) => !isSessionParam(new URLSearchParams(pair).keys().next().value ?? ''));
  if (kept.length < pairs.length) url.search = kept.join('&');
  return url.href;
}

function isSessionParam(name: string): boolean {
  return SESSION_PARAMS.has(name.toLowerCase()) || /^aspsessionid/i.test(name);
}

/**
 * The host (with a non-default port) without a leading "www.", lower-cased: www.sc.gov.cn and sc.gov.cn
 * are one site, http and https of one host are one site, another port is another server.
 */
export function siteHost(url: string): string {
  return new URL(url).host.toLowerCase().replace(/^www\./, '');
}

/** True when `url` belongs to the same site as `homepage` (same host and port, ignoring "www." and the scheme). */
export function isSameSite(url: string, homepage: string): boolean {
  try {
    return siteHost(url) === siteHost(homepage);
  } catch {
    return false;
  }
}
