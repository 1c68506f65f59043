import type { IncomingMessage } from 'node:http';
import {
  CheerioCrawler,
  type CheerioCrawlerOptions,
  type CheerioCrawlingContext,
  type Configuration,
  type HttpRequest,
  NonRetryableError,
  type PlainResponse,
  type Request,
} from '@crawlee/cheerio';
import type { CheerioAPI } from 'cheerio';
import { type DecodedBody, decodeHtml } from '../decode.ts';
import { parseHtml } from '../html-outline.ts';

/** A body longer than the crawl's cap; the download was aborted. */
export class TooLargeError extends NonRetryableError {
  readonly code = 'TOO_LARGE';
}

/** What the crawler made of a response body. */
export interface ReadBody {
  /** The media type, lower-cased, without parameters ('' when the server sent none). */
  mediaType: string;
  /** Present for HTML: the decoded text and the charset used. */
  decoded?: DecodedBody;
  /** Present for HTML. */
  $?: CheerioAPI;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * CheerioCrawler that decodes every HTML body as a browser does. Crawlee trusts only the HTTP charset,
 * so a GBK page declared in `<meta>` alone becomes mojibake. `_parseResponse` is replaced to read the raw
 * bytes (aborting past `maxBodyBytes`), decode them with `decodeHtml` (BOM, header, `<meta>` prescan) and
 * load cheerio; non-HTML bodies are not downloaded. HTTP statuses are left to the request handler, which
 * records every answer as a page (Crawlee would throw on a 5xx before the handler saw it).
 */
export class DecodingCheerioCrawler extends CheerioCrawler {
  private readonly bodies = new WeakMap<IncomingMessage, ReadBody>();

  constructor(
    options: CheerioCrawlerOptions,
    config: Configuration,
    private readonly maxBodyBytes: number,
  ) {
    super(options, config);
  }

  /**
   * We use no proxy: without this, Crawlee wraps ECONNREFUSED, ECONNRESET and the like in a SessionError
   * that keeps only the message, and the error code the page must record is lost.
   */
  protected override isProxyError(): boolean {
    return false;
  }

  /**
   * The request through the crawl's client, as Crawlee's own does it (the session's cookies kept at
   * every redirect), without the import of got-scraping that Crawlee's makes on the first request
   * only to recognise got's timeouts: 23 MiB of header-generator data the crawl never uses.
   */
  protected override async _requestFunction({
    request,
    session,
    proxyUrl,
    gotOptions,
  }: Parameters<CheerioCrawler['_requestFunction']>[0]): Promise<PlainResponse> {
    const options = this._getRequestOptions(request, session, proxyUrl, gotOptions) as unknown as HttpRequest;
    const response = await this.httpClient.stream(options, (redirect, next) => {
      if (!session) return;
      session.setCookiesFromResponse(redirect);
      const cookie = session.getCookieString(String(next.url));
      if (cookie !== '') next.headers.Cookie = cookie;
    });
    return response.stream as unknown as PlainResponse;
  }

  /** The body read for this response (undefined when reading failed). */
  bodyOf(response: IncomingMessage): ReadBody | undefined {
    return this.bodies.get(response);
  }

  protected override async _parseResponse(
    _request: Request,
    response: IncomingMessage,
    _ctx: CheerioCrawlingContext,
  ) {
    const contentType = String(response.headers['content-type'] ?? '');
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const body: ReadBody = { mediaType };
    if (HTML_TYPES.has(mediaType) || mediaType === '') {
      const bytes = await readCapped(response, this.maxBodyBytes);
      if (mediaType !== '' || looksLikeHtml(bytes)) {
        body.decoded = decodeHtml(bytes, contentType);
        body.$ = parseHtml(body.decoded.text);
      }
    } else {
      response.destroy();
    }
    this.bodies.set(response, body);
    return {
      body: body.decoded?.text ?? '',
      isXml: false,
      response,
      contentType: { type: mediaType, encoding: 'utf8' as const },
    };
  }
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => {
    response.destroy();
    return new TooLargeError(`Body larger than ${maxBytes} bytes`);
  };
  if (Number(response.headers['content-length']) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** For a response without Content-Type: does the body start (after a UTF-8 BOM) like an HTML document? */
function looksLikeHtml(bytes: Buffer): boolean {
  return /^(\u00ef\u00bb\u00bf)?\s*<(!doctype\s+html|html|head|body|meta|title|!--)/i.test(
    bytes.subarray(0, 256).toString('latin1'),
  );
}
