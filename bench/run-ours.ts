import { fileCrawlCache } from '../src/inspection/crawl-cache.ts';
import { log } from '../src/log.ts';
import { crawlAndCheck } from './crawl-and-check.ts';
import { jobFromArgv, sendReport, tally } from './tool-report.ts';

/**
 * Child process: our crawl and link check of one site, as a sweep runs them (bench/crawl-and-check.ts);
 * with the job's `crawlCacheDir`, loading the site's previous pages first and saving its own after.
 */
const job = jobFromArgv();
const startRss = process.memoryUsage().rss;
const startedAt = performance.now();
const cache = job.crawlCacheDir ? fileCrawlCache(job.crawlCacheDir, log) : undefined;
const previous = await cache?.load('bench-site', job.homepage);
const { crawl, links, crawlMs, checkMs, notFoundAnswer } = await crawlAndCheck(job, previous);
await cache?.save('bench-site', job.homepage, crawl.pages);
const cacheMs = performance.now() - startedAt - crawlMs - checkMs;
const revalidated = crawl.pages.filter((page) => page.revalidated).length;

const entries = Object.entries(links.statuses);
const statuses = entries.map(([, status]) => status);
const brokenStatuses = statuses.filter((status) => status.verdict === 'broken');
const unverified = statuses.filter((status) => status.verdict === 'unverified').length;
const fetched = statuses.filter((status) => status.method !== 'crawl').length;
sendReport(
  {
    tool: 'ours',
    wallMs: performance.now() - startedAt,
    pagesCrawled: crawl.pages.filter((page) => page.status !== null).length,
    linksChecked: statuses.length,
    broken: entries.filter(([, status]) => status.verdict === 'broken').map(([url]) => url),
    softNotFound: entries.filter(([, status]) => status.softNotFound).map(([url]) => url),
    ...(cache ? { pagesRevalidated: revalidated } : {}),
    notes: [
      ...(cache
        ? [
            `crawl cache: ${previous?.size ?? 0} pages loaded, ${revalidated} answered 304, loading and saving ${seconds(cacheMs)} s`,
          ]
        : []),
      `crawl ${seconds(crawlMs)} s (${crawl.pages.length} pages, truncated: ${crawl.truncated}), ` +
        `link check ${seconds(checkMs)} s (${fetched} targets fetched, ${statuses.length - fetched} reused from the crawl)`,
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
