import { pino } from 'pino';
import { checkLinks } from '../crawlers/link-status/check-links.ts';
import { knownFromCrawl } from '../crawlers/link-status/from-crawl.ts';
import { HostPoliteness } from '../crawlers/link-status/politeness.ts';
import { siteReach } from '../crawlers/reach/site-reach.ts';
import { crawlSite } from '../crawlers/site-crawl/crawl-site.ts';
import { NotFoundPages } from '../crawlers/soft-404/not-found-pages.ts';
import { linkOccurrences } from '../src/inspection/occurrences.ts';
import { serveGeneratedSite } from './generate-site.ts';
import { machineLine } from './machine.ts';

/**
 * Issue 13 goal 2, latency-bound as real sites are: generated sites whose every answer waits
 * `--latency` ms (50), crawled and link-checked as a sweep does it, `--per-host` connections to each
 * (8). The politeness bound of one site is connections ÷ latency (8 ÷ 0.05 s = 160 pages/s); this
 * prints the pages/s of one site, then of `--sites` (4) at once in one process, against their bound.
 * `node --import tsx bench/latency.ts [--pages N] [--latency MS] [--per-host N] [--sites N]`
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const pages = arg('pages', 1000);
const latencyMs = arg('latency', 50);
const perHost = arg('per-host', 8);
const manySites = arg('sites', 4);
const log = pino({ level: 'silent' });

async function run(siteCount: number): Promise<void> {
  const sites = await Promise.all(
    Array.from({ length: siteCount }, () => serveGeneratedSite({ pages, latencyMs })),
  );
  const politeness = new HostPoliteness({ concurrency: perHost * siteCount, perHostConcurrency: perHost });
  const started = performance.now();
  try {
    const crawled = await Promise.all(
      sites.map(async (site) => {
        const reach = await siteReach(site.homepage);
        const notFound = new NotFoundPages({ settings: { reach }, politeness });
        const crawl = await crawlSite({
          homepage: site.homepage,
          maxPages: site.pageLinks,
          settings: { concurrency: perHost, reach },
          notFound,
          log,
        });
        await checkLinks({
          occurrences: linkOccurrences(crawl.startUrl, undefined, crawl),
          known: knownFromCrawl(crawl.pages),
          politeness,
          notFound,
          settings: { reach },
          log,
        });
        await notFound.close();
        return crawl.pages.filter((page) => page.status !== null).length;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = crawled.reduce((sum, count) => sum + count, 0);
    const bound = (siteCount * perHost) / (latencyMs / 1000);
    const rate = total / seconds;
    console.log(
      `${siteCount} site${siteCount > 1 ? 's' : ''} at once: ${total} pages in ${seconds.toFixed(1)} s, ${rate.toFixed(1)} pages/s; bound ${bound.toFixed(0)} pages/s (${siteCount} × ${perHost} connections ÷ ${latencyMs} ms): ${((100 * rate) / bound).toFixed(0)} %, peak connections ${sites.map((site) => site.peakConnections()).join(', ')}`,
    );
  } finally {
    await Promise.all(sites.map((site) => site.close()));
  }
}

console.log(`${pages} pages a site, every answer ${latencyMs} ms late, ${perHost} connections a host`);
await run(1);
if (manySites > 1) await run(manySites);
console.log(machineLine());
