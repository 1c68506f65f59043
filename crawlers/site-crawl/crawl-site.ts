import { type Logger, log as processLog } from '../../src/log.ts';
import type { SiteCrawl } from '../artifacts.ts';
import { siteReach } from '../reach/site-reach.ts';
import { NotFoundPages } from '../soft-404/not-found-pages.ts';
import { normalizeUrl } from '../url.ts';
import { CrawlHttpClient } from './crawl-http-client.ts';
import { Frontier } from './frontier.ts';
import { PageBook } from './page-book.ts';
import { mayBeHtml } from './resource-kind.ts';
import type { PreviousPages } from './revalidation.ts';
import { type CrawlSettings, resolveCrawlSettings } from './settings.ts';
import { createSiteCrawler } from './site-crawler.ts';
import { sitemapUrls } from './sitemap-urls.ts';
import { openCrawlStorage } from './storage.ts';
import { TrapGuard } from './traps.ts';

export interface CrawlSiteOptions {
  homepage: string;
  /**
   * Extra start URLs at depth 1, crawled even when off-site (documents and images among them are not). Priority seeds, and the pages they link to,
   * are crawled before any ordinary page but the homepage.
   */
  seeds?: { url: string; priority?: boolean }[];
  /** Pages fetched in total, the homepage included. */
  maxPages: number;
  settings?: Partial<CrawlSettings>;
  /**
   * The site's pages of its previous sweep, by requested URL: each is asked for with its `ETag` and
   * `Last-Modified`, and one the server answers 304 keeps its previous facts. Link targets are still
   * checked afresh by the link check.
   */
  previous?: PreviousPages;
  /** The hosts' answers for a made-up missing URL, shared by the sweep; without it, asked for this crawl alone. */
  notFound?: NotFoundPages;
  log?: Logger;
  signal?: AbortSignal;
}

/**
 * Crawls a site breadth-first from its homepage with Crawlee's CheerioCrawler, in storage of its own,
 * and returns every page it tried — answered, failed or refused — with the facts the checks read.
 */
export async function crawlSite(options: CrawlSiteOptions): Promise<SiteCrawl> {
  const startedAt = Date.now();
  const homepage = normalizeUrl(options.homepage);
  if (!homepage) throw new Error(`首页地址不是有效的 http(s) 网址：${options.homepage}`);
  if (!Number.isInteger(options.maxPages) || options.maxPages < 1) {
    throw new RangeError(`maxPages must be a positive integer, got ${options.maxPages}`);
  }
  const settings = resolveCrawlSettings(options.settings);
  const log = (options.log ?? processLog).child({ gatherer: 'site-crawl', homepage });
  options.signal?.throwIfAborted();

  const rule = settings.reach ?? (await siteReach(homepage, { resolve: settings.resolve }));
  const storage = await openCrawlStorage();
  const httpClient = new CrawlHttpClient(settings, rule);
  const notFound = options.notFound ?? ownNotFoundPages({ ...settings, reach: rule });
  try {
    const guard = new TrapGuard(settings, new Date());
    const frontier = new Frontier(storage.queue, guard, options.maxPages, homepage);
    const book = new PageBook(options.maxPages);
    await frontier.addHomepage(homepage);
    for (const seed of orderedSeeds(options.seeds ?? [])) {
      await frontier.addSeed(seed.url, {
        depth: 1,
        ...(seed.priority ? { priority: 'seed' as const } : {}),
      });
    }
    if (settings.sitemaps) {
      const listed = await sitemapUrls(homepage, {
        settings,
        reach: rule,
        limit: options.maxPages,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      log.info({ urls: listed.length }, 'sitemap URLs seeded');
      for (const url of listed) if (mayBeHtml(url)) await frontier.addSeed(url, { depth: 1 });
    }

    const crawler = createSiteCrawler({
      settings,
      storage,
      frontier,
      book,
      notFound,
      httpClient,
      reach: rule,
      ...(options.previous ? { previous: options.previous } : {}),
      log,
      signal: options.signal,
    });
    const stop = () => crawler.stop('site crawl aborted');
    options.signal?.addEventListener('abort', stop, { once: true });
    try {
      await crawler.run();
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
    options.signal?.throwIfAborted();

    const pages = book.takePages();
    const crawl: SiteCrawl = {
      startUrl: homepage,
      pages,
      truncated: frontier.overflowed || book.refused,
      trapsSkipped: frontier.trapsSkipped,
      durationMs: Date.now() - startedAt,
    };
    const revalidated = pages.filter((page) => page.revalidated).length;
    log.info(
      { pages: pages.length, revalidated, truncated: crawl.truncated, ms: crawl.durationMs },
      'site crawled',
    );
    return crawl;
  } finally {
    await storage.drop();
    await httpClient.close();
    if (options.notFound === undefined) await notFound.close();
  }
}

/** For a crawl outside a sweep: asked with the crawl's own timeouts, User-Agent and `--resolve` entries. */
function ownNotFoundPages(settings: CrawlSettings): NotFoundPages {
  const { connectTimeoutMs, responseTimeoutMs, totalTimeoutMs, userAgent, resolve, reach } = settings;
  return new NotFoundPages({
    settings: { connectTimeoutMs, responseTimeoutMs, totalTimeoutMs, userAgent, resolve, reach },
  });
}

/**
 * The seeds to crawl, normalized, priority ones first. Documents and images among them are the link
 * checker's business, not pages to crawl.
 */
function orderedSeeds(
  seeds: readonly { url: string; priority?: boolean }[],
): { url: string; priority: boolean }[] {
  const usable = seeds.flatMap((seed) => {
    const url = normalizeUrl(seed.url);
    return url && mayBeHtml(url) ? [{ url, priority: seed.priority === true }] : [];
  });
  return [...usable.filter((seed) => seed.priority), ...usable.filter((seed) => !seed.priority)];
}
