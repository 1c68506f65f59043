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
 * percent-encoded as UTF-8 (the WHATWG URL parser does this). Returns null for hrefs that are not
 * http(s) resources: mailto:, tel:, javascript:, data:, a bare fragment, or unparsable text.
 */
export function normalizeUrl(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#') || SCHEMES_NOT_CHECKED.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.pathname = url.pathname.replace(/;(jsessionid|phpsessid|sid)=[^/?#]*/gi, '');
  for (const name of [...url.searchParams.keys()]) {
    if (SESSION_PARAMS.has(name.toLowerCase()) || /^aspsessionid/i.test(name)) url.searchParams.delete(name);
  }
  return url.href;
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
