import { checkLinks } from '../crawlers/link-status/check-links.ts';
import { knownFromCrawl } from '../crawlers/link-status/from-crawl.ts';
import { HostPoliteness } from '../crawlers/link-status/politeness.ts';
import { siteReach } from '../crawlers/reach/site-reach.ts';
import { crawlSite } from '../crawlers/site-crawl/crawl-site.ts';
import { NotFoundPages } from '../crawlers/soft-404/not-found-pages.ts';
import { linkOccurrences } from '../src/inspection/occurrences.ts';
import { log } from '../src/log.ts';
import { jobFromArgv, sendReport, tally } from './tool-report.ts';

/**
 * Child process: our gatherers as the inspection runs them (src/inspection/inspect-site.ts), without
 * the rendered homepage: the site crawl, then the link check of every occurrence with the crawled
 * pages' statuses reused.
 */
const job = jobFromArgv();
const startRss = process.memoryUsage().rss;
const startedAt = performance.now();
const politeness = new HostPoliteness({ concurrency: job.concurrency, perHostConcurrency: job.concurrency });
// Every gatherer goes where the site's reach rule lets it, as in a sweep: the site's own loopback address.
const reach = await siteReach(job.homepage);
// One made-up missing URL per host, shared by the crawl and the link check as in a sweep.
const notFound = new NotFoundPages({ settings: { totalTimeoutMs: job.timeoutMs, reach }, politeness });
const crawl = await crawlSite({
  homepage: job.homepage,
  maxPages: job.maxPages,
  settings: { concurrency: job.concurrency, reach },
  notFound,
  log,
});
const crawledAt = performance.now();

// As the inspection does it.
const known = knownFromCrawl(crawl.pages);
const links = await checkLinks({
  occurrences: linkOccurrences(crawl.startUrl, undefined, crawl),
  known,
  politeness,
  notFound,
  settings: { totalTimeoutMs: job.timeoutMs, reach },
  log,
});
const finishedAt = performance.now();
const notFoundAnswer = (await notFound.forPage(job.homepage))?.fingerprint;
await notFound.close();

const entries = Object.entries(links.statuses);
const statuses = entries.map(([, status]) => status);
const brokenStatuses = statuses.filter((status) => status.verdict === 'broken');
const unverified = statuses.filter((status) => status.verdict === 'unverified').length;
const fetched = statuses.filter((status) => status.method !== 'crawl').length;
sendReport(
  {
    tool: 'ours',
    wallMs: finishedAt - startedAt,
    pagesCrawled: crawl.pages.filter((page) => page.status !== null).length,
    linksChecked: statuses.length,
    broken: entries.filter(([, status]) => status.verdict === 'broken').map(([url]) => url),
    softNotFound: entries.filter(([, status]) => status.softNotFound).map(([url]) => url),
    notes: [
      `crawl ${seconds(crawledAt - startedAt)} s (${crawl.pages.length} pages, truncated: ${crawl.truncated}), ` +
        `link check ${seconds(finishedAt - crawledAt)} s (${fetched} targets fetched, ${statuses.length - fetched} reused from the crawl)`,
      `the host's answer for a made-up missing URL: ${notFoundAnswer?.status} “${notFoundAnswer?.title}” (one request)`,
      `broken by cause: ${tally(brokenStatuses.map((s) => (s.softNotFound ? `${s.status} soft 404` : String(s.status))))}`,
      ...(unverified > 0 ? [`${unverified} targets left unverified`] : []),
    ],
  },
  startRss,
);

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
