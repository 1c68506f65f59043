import type { LinkStatuses, NotFoundFingerprint, SiteCrawl } from '../crawlers/artifacts.ts';
import { checkLinks } from '../crawlers/link-status/check-links.ts';
import { knownFromCrawl } from '../crawlers/link-status/from-crawl.ts';
import { HostPoliteness } from '../crawlers/link-status/politeness.ts';
import { siteReach } from '../crawlers/reach/site-reach.ts';
import { crawlSite } from '../crawlers/site-crawl/crawl-site.ts';
import type { PreviousPages } from '../crawlers/site-crawl/revalidation.ts';
import { NotFoundPages } from '../crawlers/soft-404/not-found-pages.ts';
import { linkOccurrences } from '../src/inspection/occurrences.ts';
import { log } from '../src/log.ts';
import type { ToolJob } from './tool-report.ts';

export interface CrawlAndCheck {
  crawl: SiteCrawl;
  links: LinkStatuses;
  crawlMs: number;
  checkMs: number;
  notFoundAnswer: NotFoundFingerprint | undefined;
}

/**
 * Our gatherers as a sweep runs them on one site (src/inspection/inspect-site.ts), without the rendered
 * homepage: the site crawl, then the link check of every occurrence with the crawled pages' statuses
 * reused; a sweep's own politeness and not-found answers. With `previous`, the crawl asks conditionally.
 */
export async function crawlAndCheck(job: ToolJob, previous?: PreviousPages): Promise<CrawlAndCheck> {
  const startedAt = performance.now();
  const politeness = new HostPoliteness({
    concurrency: job.concurrency,
    perHostConcurrency: job.concurrency,
  });
  // Every gatherer goes where the site's reach rule lets it, as in a sweep: the site's own loopback address.
  const reach = await siteReach(job.homepage);
  // One made-up missing URL per host, shared by the crawl and the link check as in a sweep.
  const notFound = new NotFoundPages({ settings: { totalTimeoutMs: job.timeoutMs, reach }, politeness });
  try {
    const crawl = await crawlSite({
      homepage: job.homepage,
      maxPages: job.maxPages,
      settings: { concurrency: job.concurrency, reach },
      ...(previous ? { previous } : {}),
      notFound,
      log,
    });
    const crawledAt = performance.now();
    const links = await checkLinks({
      occurrences: linkOccurrences(crawl.startUrl, undefined, crawl),
      known: knownFromCrawl(crawl.pages),
      politeness,
      notFound,
      settings: { totalTimeoutMs: job.timeoutMs, reach },
      log,
    });
    return {
      crawl,
      links,
      crawlMs: crawledAt - startedAt,
      checkMs: performance.now() - crawledAt,
      notFoundAnswer: (await notFound.forPage(job.homepage))?.fingerprint,
    };
  } finally {
    await notFound.close();
  }
}
