import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type {
  BaseHttpClient,
  HttpRequest,
  HttpResponse,
  RedirectHandler,
  ResponseTypes,
  StreamingHttpResponse,
} from '@crawlee/cheerio';
import { type Dispatcher, request as undiciRequest } from 'undici';
import { redirectLocation } from '../link-status/follow.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import type { ReachRule } from '../reach/reach-rule.ts';
import { AddressRefusedError } from '../reach/reachable-address.ts';
import { Semaphore } from '../semaphore.ts';
import type { CrawlSettings } from './settings.ts';

/** As many redirects as got, the client this one replaced, followed before giving up. */
const MAX_REDIRECTS = 10;

type CrawleeHeaders = Record<string, string | string[] | undefined>;

/**
 * The crawl's HTTP client inside Crawlee's frame: undici, on a pool of the crawl's own whose every
 * connection goes to an address the reach rule admits (`LenientTlsAgent`), certificates not enforced,
 * gzip, deflate and brotli bodies decompressed (undici's own interceptor for it is still experimental).
 * Redirects are followed here, each hop handed to Crawlee so that its session keeps the cookies set on
 * the way. Failures carry the code the page records: undici's (see `networkErrorCode`), `TIMEOUT` when
 * the total deadline passes, and `REDIRECT_LOOP`, `TOO_MANY_REDIRECTS` or `BAD_REDIRECT`.
 *
 * At most `concurrency` exchanges are open at once, each from its first request until its body is read
 * (or dropped): the crawl's politeness to the site. The crawl runs more tasks than that, so that a
 * connection goes on to the next page while the last one is parsed; a task's deadline starts when its
 * exchange gets a slot.
 */
export class CrawlHttpClient implements BaseHttpClient {
  private readonly agent: LenientTlsAgent;
  private readonly slots: Semaphore;

  constructor(
    private readonly settings: Pick<
      CrawlSettings,
      'concurrency' | 'connectTimeoutMs' | 'responseTimeoutMs' | 'totalTimeoutMs' | 'resolve'
    >,
    reach: ReachRule,
  ) {
    this.slots = new Semaphore(settings.concurrency);
    this.agent = new LenientTlsAgent({
      connectTimeoutMs: settings.connectTimeoutMs,
      responseTimeoutMs: settings.responseTimeoutMs,
      resolve: settings.resolve,
      reach,
    });
  }

  async stream(request: HttpRequest, onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    await this.slots.acquire();
    // Not AbortSignal.timeout: its timer, and through undici's listener the whole exchange, would stay
    // alive for the full deadline after every request.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(coded('TIMEOUT', 'deadline')),
      this.settings.totalTimeoutMs,
    );
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      this.slots.release();
    };
    try {
      const response = await this.follow(request, deadline.signal, onRedirect);
      response.stream.once('close', end);
      return response;
    } catch (error) {
      end();
      throw error;
    }
  }

  private async follow(
    request: HttpRequest,
    signal: AbortSignal,
    onRedirect?: RedirectHandler,
  ): Promise<StreamingHttpResponse> {
    const redirectUrls: URL[] = [];
    let url = String(request.url);
    let headers = plainHeaders(request.headers);
    for (;;) {
      const response = await this.send(url, headers, signal);
      const next = redirectLocation(response.statusCode, response.headers, url);
      if (next === undefined) {
        const stream = decodedBody(response);
        // A body destroyed unread (not HTML, or too large) emits undici's AbortError; readers of the
        // body still get its errors through their own iteration.
        stream.on('error', () => undefined);
        return Object.assign(stream, {
          stream,
          request,
          url,
          redirectUrls,
          statusCode: response.statusCode,
          headers: response.headers,
          trailers: response.trailers,
          complete: false,
          downloadProgress: { percent: 0, transferred: 0 },
          uploadProgress: { percent: 1, transferred: 0 },
        });
      }
      await response.body.dump().catch(() => undefined);
      if (next === null) throw coded('BAD_REDIRECT', `Unusable redirect from ${url}`);
      redirectUrls.push(new URL(next));
      if (redirectUrls.length > MAX_REDIRECTS) {
        const trail = redirectUrls.map(String);
        const loop = new Set(trail).size < trail.length;
        throw coded(
          loop ? 'REDIRECT_LOOP' : 'TOO_MANY_REDIRECTS',
          `Redirected more than ${MAX_REDIRECTS} times`,
        );
      }
      // The session's cookies for the next URL are Crawlee's to add; a cookie sent here goes no further.
      const { cookie: _sent, ...rest } = headers;
      const updated = { url: next, headers: new URL(next).origin === new URL(url).origin ? headers : rest };
      onRedirect?.(
        {
          url,
          redirectUrls,
          statusCode: response.statusCode,
          headers: response.headers,
          trailers: {},
          complete: true,
        },
        updated,
      );
      headers = plainHeaders(updated.headers);
      url = String(updated.url);
    }
  }

  /** Crawlee's `sendRequest` of a handler; the crawl's handlers send none, but the interface asks for it. */
  async sendRequest<T extends keyof ResponseTypes = 'text'>(
    request: HttpRequest<T>,
  ): Promise<HttpResponse<T>> {
    const { stream, ...response } = await this.stream(request as HttpRequest);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const text = () => bytes.toString(request.encoding ?? 'utf8');
    const body = { buffer: () => bytes, text, json: () => JSON.parse(text()) }[
      request.responseType ?? 'text'
    ]();
    return { ...response, request, complete: true, body } as HttpResponse<T>;
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async send(url: string, headers: Record<string, string>, signal: AbortSignal) {
    try {
      return await undiciRequest(url, { method: 'GET', headers, signal, dispatcher: this.agent.dispatcher });
    } catch (error) {
      // The connector does not know the URL; the page records the one refused, a redirect's maybe.
      if (error instanceof AddressRefusedError) throw new AddressRefusedError({ ...error.refusal, url });
      if (signal.aborted) throw coded('TIMEOUT', `No complete answer from ${url} in time`);
      throw error;
    }
  }
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The body as sent, or decompressed when its Content-Encoding is one the crawl asks for. */
function decodedBody(response: Dispatcher.ResponseData): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = DECODERS[encoding];
  if (!decoder) return response.body;
  return pipeline(response.body, decoder(), () => undefined) as unknown as Readable;
}

/** Crawlee's headers without the unset ones, joined as undici wants them. */
function plainHeaders(headers: CrawleeHeaders | undefined): Record<string, string> {
  const plain: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    plain[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return plain;
}

function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
