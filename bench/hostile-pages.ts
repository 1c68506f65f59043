import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkLinks } from '../crawlers/link-status/check-links.ts';
import { knownFromCrawl } from '../crawlers/link-status/from-crawl.ts';
import { HostPoliteness } from '../crawlers/link-status/politeness.ts';
import { crawlSite } from '../crawlers/site-crawl/crawl-site.ts';
import { NotFoundPages } from '../crawlers/soft-404/not-found-pages.ts';
import { linkOccurrences } from '../src/inspection/occurrences.ts';
import { log } from '../src/log.ts';
import { HOSTILE_PAGES, startHostileSite } from '../tests/support/hostile-site.ts';
import { machineLine } from './machine.ts';

/**
 * `npm run bench:hostile`: each hostile answer of tests/support/hostile-site.ts crawled and its links
 * checked on its own, as the inspection does, printing the time it took, the longest the event loop was
 * blocked meanwhile (what every other site and timer of the process waited), and the process's RSS
 * after a garbage collection (memory that came back, or not).
 */
const TIMEOUT_MS = 5_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

console.log(machineLine());
console.log(`request timeout ${TIMEOUT_MS / 1000} s\n`);
console.log('answer            wall (s)  longest block (ms)  pages  links  RSS after (MiB)');
gc();
console.log(
  `${'(start)'.padEnd(18)}${''.padStart(52)}${String(mib(process.memoryUsage().rss)).padStart(16)}`,
);
for (const name of Object.keys(HOSTILE_PAGES) as (keyof typeof HOSTILE_PAGES)[]) {
  const site = await startHostileSite({ pages: [name], silent: false });
  const politeness = new HostPoliteness({ concurrency: 8, perHostConcurrency: 8 });
  const notFound = new NotFoundPages({ settings: { totalTimeoutMs: TIMEOUT_MS }, politeness });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  delay.enable();
  const crawl = await crawlSite({
    homepage: site.homepage,
    maxPages: 200,
    settings: { totalTimeoutMs: TIMEOUT_MS, responseTimeoutMs: TIMEOUT_MS, connectTimeoutMs: TIMEOUT_MS },
    notFound,
    log,
  });
  const links = await checkLinks({
    occurrences: linkOccurrences(crawl.startUrl, undefined, crawl),
    known: knownFromCrawl(crawl.pages),
    politeness,
    notFound,
    settings: { totalTimeoutMs: TIMEOUT_MS },
    log,
  });
  delay.disable();
  const wall = (performance.now() - started) / 1000;
  await notFound.close();
  await site.close();
  gc();
  console.log(
    `${name.padEnd(18)}${wall.toFixed(1).padStart(8)}${(delay.max / 1e6).toFixed(0).padStart(20)}${String(crawl.pages.length).padStart(7)}${String(Object.keys(links.statuses).length).padStart(7)}${String(mib(process.memoryUsage().rss)).padStart(17)}`,
  );
}
