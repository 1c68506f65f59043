import iconv from 'iconv-lite';

/** Charsets whose URLs are UTF-8 throughout (the HTML spec's "get an output encoding"). */
const UTF8_OUTPUT = new Set(['utf-8', 'utf8', 'utf-16le', 'utf-16be', 'utf-16', 'replacement']);
/** The special-query percent-encode set (WHATWG URL), for the ASCII bytes an encoder outputs. */
const SPECIAL_QUERY_SET = /[\u0000-\u0020"#<>'\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Resolves `href` found in a document decoded as `charset` against `base`, as a browser does (HTML's
 * "encoding-parse a URL"): path and fragment in UTF-8, but the query of an http(s) URL percent-encoded in
 * the document's charset, so `?q=搜索` on a GBK page becomes `?q=%CB%D1%CB%F7`. A character the charset
 * cannot encode becomes `&#NNNN;`, percent-encoded. Percent-encoded sequences are left alone. Returns null
 * when `href` is no valid URL. A charset iconv-lite does not know is treated as UTF-8.
 */
export function encodingParseUrl(href: string, base: string | undefined, charset: string): URL | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const encoding = charset.trim().toLowerCase();
  if (UTF8_OUTPUT.has(encoding) || !iconv.encodingExists(encoding)) return url;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url;
  const query = queryOf(href);
  if (query === undefined || !/[^\u0000-\u007f]/.test(query)) return url;
  url.search = `?${percentEncodeAfterEncoding(query.replace(LONE_SURROGATE, '\uFFFD'), encoding)}`;
  return url;
}

/**
 * The query the URL parser takes from `href`, as written, or undefined when `href` has none (it then keeps
 * the base's). For http(s), the first `?` before any `#` always starts the query.
 */
function queryOf(href: string): string | undefined {
  const cleaned = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const beforeFragment = cleaned.split('#', 1)[0]!;
  const start = beforeFragment.indexOf('?');
  return start === -1 ? undefined : beforeFragment.slice(start + 1);
}

/** WHATWG "percent-encode after encoding" with the special-query percent-encode set. */
function percentEncodeAfterEncoding(query: string, encoding: string): string {
  let output = '';
  for (const char of query) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) {
      output += SPECIAL_QUERY_SET.test(char) ? percentEncode(codePoint) : char;
      continue;
    }
    const bytes = iconv.encode(char, encoding);
    // iconv-lite writes '?' for what the charset cannot encode; the spec writes a numeric reference.
    if (bytes.length === 1 && bytes[0] === 0x3f) {
      output += `%26%23${codePoint}%3B`;
      continue;
    }
    for (const byte of bytes) {
      const isomorph = String.fromCharCode(byte);
      output += byte >= 0x80 || SPECIAL_QUERY_SET.test(isomorph) ? percentEncode(byte) : isomorph;
    }
  }
  return output;
}

function percentEncode(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
