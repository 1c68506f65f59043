import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { HomepageAvailability } from '../../crawlers/artifacts.ts';
import { createSweepResources, type InspectionSettings } from '../inspection/context.ts';
import type { CrawlCache } from '../inspection/crawl-cache.ts';
import type { EvidenceStore } from '../inspection/evidence-store.ts';
import { inspectSite } from '../inspection/inspect-site.ts';
import { parentHomepageOf } from '../inspection/site-context.ts';
import type { Logger } from '../log.ts';
import type { Site } from '../registry/site.ts';
import type { SiteResult, SweepResults } from '../results.ts';
import type { OfficeDictionary } from '../wording/office-dictionary.ts';
import { siteWording } from '../wording/office-dictionary.ts';
import { errorResult } from './error-result.ts';
import { quarterOf } from './period.ts';

export const DEFAULT_SITE_TIME_LIMIT_MS = 20 * 60_000;

export interface SweepOptions {
  now: Date;
  settings: InspectionSettings;
  /** Sites inspected at the same time. */
  concurrency: number;
  /**
   * The most one site may take (default 20 minutes): a site of slow hosts cannot hold the sweep for
   * hours. What is unfinished when it runs out becomes `review`.
   */
  siteTimeLimitMs?: number;
  evidence: EvidenceStore;
  /** Each site's pages of its last run, asked for conditionally (the CLI's `--crawl-cache`). */
  crawlCache?: CrawlCache;
  log: Logger;
  /**
   * Homepage availability from scheduled probes, by site id (the CLI's probe log); a site absent here
   * is probed once during its inspection.
   */
  availability?: ReadonlyMap<string, HomepageAvailability>;
  /** The offices' wording entries and sites' exceptions (the CLI's `--wording-dictionary`). */
  wording?: OfficeDictionary;
  /** Called as each site starts and ends, for progress displays. */
  onProgress?: (event: SweepProgress) => void;
}

export type SweepProgress =
  | { type: 'site-started'; site: Site; running: number; done: number; total: number }
  | { type: 'site-finished'; site: Site; result: SiteResult; running: number; done: number; total: number };

/**
 * Inspects every site once, `concurrency` at a time, sharing one browser, one link cache and one
 * per-host politeness across them. One site's failure never stops the others: it becomes an `error`
 * result. Results come back in the registry's order.
 */
export async function runSweep(sites: readonly Site[], options: SweepOptions): Promise<SweepResults> {
  const id = randomUUID();
  const startedAt = new Date();
  const log = options.log.child({ sweepId: id });
  const resources = createSweepResources(options.settings.links);
  const limit = pLimit(options.concurrency);
  let running = 0;
  let done = 0;
  const total = sites.length;
  log.info(
    { sites: total, concurrency: options.concurrency, maxPages: options.settings.maxPages },
    'sweep started',
  );
  try {
    const results = await Promise.all(
      sites.map((site) =>
        limit(async () => {
          running++;
          options.onProgress?.({ type: 'site-started', site, running, done, total });
          const signal = AbortSignal.timeout(options.siteTimeLimitMs ?? DEFAULT_SITE_TIME_LIMIT_MS);
          const result = await inspectSite(
            site,
            {
              ...resources,
              signal,
              now: options.now,
              settings: options.settings,
              evidence: options.evidence,
              ...(options.crawlCache ? { crawlCache: options.crawlCache } : {}),
              log,
            },
            {
              parentHomepage: parentHomepageOf(site, sites),
              availability: options.availability?.get(site.id),
              wording: options.wording && siteWording(options.wording, site.id),
            },
          ).catch((error: unknown) => {
            log.error({ siteId: site.id, err: error }, 'site inspection failed');
            return errorResult(site, error);
          });
          running--;
          done++;
          options.onProgress?.({ type: 'site-finished', site, result, running, done, total });
          return result;
        }),
      ),
    );
    const finishedAt = new Date();
    log.info({ ms: finishedAt.getTime() - startedAt.getTime() }, 'sweep finished');
    return {
      sweep: {
        id,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        now: options.now.toISOString(),
        period: quarterOf(options.now),
      },
      sites: results,
    };
  } finally {
    await resources.close();
  }
}
