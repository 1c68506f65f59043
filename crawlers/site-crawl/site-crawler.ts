import type { IncomingMessage } from 'node:http';
import { NonRetryableError, type Request, type RequestProvider } from '@crawlee/cheerio';
import type { Logger } from '../../src/log.ts';
import type { CrawledPage } from '../artifacts.ts';
import type { ReachRule } from '../reach/reach-rule.ts';
import { refusalOf } from '../reach/reachable-address.ts';
import type { NotFoundPages } from '../soft-404/not-found-pages.ts';
import type { CrawlHttpClient } from './crawl-http-client.ts';
import { crawleeLog } from './crawlee-log.ts';
import { DecodingCheerioCrawler } from './decoding-crawler.ts';
import { failureCode } from './failure.ts';
import type { CrawlData, Frontier } from './frontier.ts';
import type { PageBook } from './page-book.ts';
import { answeredPage, failedPage } from './page-record.ts';
import { conditionalHeaders, type PreviousPages, revalidatedPage } from './revalidation.ts';
import type { CrawlSettings } from './settings.ts';
import { SharedStrings } from './shared-strings.ts';
import type { CrawlStorage } from './storage.ts';

/** Thrown for a 5xx answer so that Crawlee retries it once; carries the page to record if it stays 5xx. */
class ServerErrorStatus extends Error {
  constructor(readonly page: CrawledPage) {
    super(`HTTP ${page.status}`);
  }
}

/** The page budget is spent: the URL is left out, not recorded as a failure. */
class BudgetSpent extends NonRetryableError {}

export interface SiteCrawlerParts {
  settings: CrawlSettings;
  storage: CrawlStorage;
  frontier: Frontier;
  book: PageBook;
  /** The hosts' answers for a made-up missing URL, to tell soft 404s by. */
  notFound: NotFoundPages;
  /** The crawl's HTTP client: every connection checked against `reach`, its timeouts, its redirects. */
  httpClient: CrawlHttpClient;
  /** Where the crawl's requests may go (the made-up missing URLs asked for soft 404s too). */
  reach: ReachRule;
  /** The site's pages of its previous sweep: each is asked for conditionally, and a 304 reuses its facts. */
  previous?: PreviousPages;
  log: Logger;
  signal?: AbortSignal;
}

/**
 * The CheerioCrawler of one site crawl: fixed concurrency (see `CrawlHttpClient`), one cookie jar, retries only for 5xx and
 * timeouts (once), connect/response/total timeouts, and every answer or failure recorded in the book.
 */
export function createSiteCrawler(parts: SiteCrawlerParts): DecodingCheerioCrawler {
  const { settings, storage, frontier, book, notFound, httpClient, reach, previous, log, signal } = parts;
  const strings = new SharedStrings();

  const crawler = new DecodingCheerioCrawler(
    {
      // BasicCrawler takes a request manager as `requestManager`, but Crawlee 3.18's option check does
      // not list that option; passed as `requestQueue` (which it checks for fetchNextRequest and
      // addRequest), it becomes the crawler's request manager all the same.
      requestQueue: storage.queue as unknown as RequestProvider,
      httpClient,
      log: crawleeLog(log),
      // One session, never retired, for its cookie jar: many sites set a cookie and redirect to the same
      // URL before serving anything. No status counts as "blocked": every answer is recorded as it came.
      useSessionPool: true,
      persistCookiesPerSession: true,
      sessionPoolOptions: {
        maxPoolSize: 1,
        blockedStatusCodes: [],
        sessionOptions: { maxUsageCount: Number.MAX_SAFE_INTEGER, maxErrorScore: Number.POSITIVE_INFINITY },
      },
      maxRequestRetries: 1,
      // Twice as many tasks as the client lets exchanges be open (`CrawlHttpClient`): a connection goes
      // on to the next page while the last is parsed and handled.
      minConcurrency: 2 * settings.concurrency,
      maxConcurrency: 2 * settings.concurrency,
      additionalMimeTypes: ['*/*'],
      // A task may first wait for an exchange to close, which the client's total deadline bounds (its
      // waiters are served in turn, and there is at most one per exchange); then its own deadline runs.
      navigationTimeoutSecs: (2 * settings.totalTimeoutMs + settings.responseTimeoutMs) / 1000,
      requestHandlerTimeoutSecs: settings.totalTimeoutMs / 1000,
      statisticsOptions: { logIntervalSecs: 3600 },
      preNavigationHooks: [
        ({ request }, requestOptions) => {
          if (!book.claim(request.url)) throw new BudgetSpent('page budget spent');
          requestOptions.headers = {
            ...requestOptions.headers,
            'user-agent': settings.userAgent,
            accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
            'accept-language': settings.acceptLanguage,
            ...conditionalHeaders(previous?.get(request.url)),
          };
        },
      ],
      requestHandler: async ({ request, response }) => {
        const data = crawlData(request);
        const body = crawler.bodyOf(response);
        if (!body) throw new Error(`No body read for ${request.url}`);
        const unchanged = response.statusCode === 304 ? previous?.get(request.url) : undefined;
        const page = unchanged
          ? revalidatedPage(unchanged, request.url, data, response.headers)
          : await answeredPage(request.url, data, response, body, notFound, reach, signal);
        if (page.status !== null && page.status >= 500 && !page.challenge) throw new ServerErrorStatus(page);
        book.record(strings.sharePage(page));
        if (data.depth === 0) await frontier.homepageResolved(page.finalUrl);
        else frontier.markCrawled(page.finalUrl);
        if (page.links.length > 0 && (frontier.isInSite(page.finalUrl) || data.priority === 'seed')) {
          await frontier.addLinks(page.links, page.finalUrl, data);
        }
        await frontier.settled(data);
      },
      errorHandler: ({ request }, error) => {
        const retriable = error instanceof ServerErrorStatus || RETRIED_FAILURES.has(failureCode(error));
        if (!retriable) request.noRetry = true;
      },
      failedRequestHandler: async ({ request, response }, error) => {
        const data = crawlData(request);
        let page: CrawledPage | undefined;
        if (error instanceof ServerErrorStatus) page = error.page;
        else if (!(error instanceof BudgetSpent)) {
          const code = failureCode(error);
          log.debug({ url: request.url, code, err: error.message }, 'page failed');
          page = failedPage(request.url, data, code, response as IncomingMessage | undefined);
          const refused = refusalOf(error, request.url);
          if (refused) page.refused = refused;
        }
        if (page) book.record(page);
        if (data.depth === 0) await frontier.homepageResolved(page?.finalUrl ?? request.url);
        await frontier.settled(data);
      },
    },
    storage.config,
    settings.maxBodyBytes,
  );
  return crawler;
}

/**
 * Failures worth a second attempt: a timeout, and a connection the server closed under a request
 * reusing it (a kept-alive socket the server had just timed out gives EPIPE or ECONNRESET; the page
 * itself may be fine).
 */
const RETRIED_FAILURES = new Set(['TIMEOUT', 'ECONNRESET', 'EPIPE']);

function crawlData(request: Request): CrawlData {
  const { depth, referrer, priority } = request.userData as Partial<CrawlData>;
  if (typeof depth !== 'number') throw new Error(`Request ${request.url} carries no crawl depth`);
  return { depth, referrer, priority };
}
