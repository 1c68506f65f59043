import { Queue, type RedisClient } from 'bullmq';
import type { InspectionSettings } from '../inspection/context.ts';
import type { SiteContext } from '../inspection/site-context.ts';
import type { Logger } from '../log.ts';
import type { Site } from '../registry/site.ts';
import type { PageBudgets } from '../service/config.ts';
import type { SweepLauncher } from '../service/sweep-launcher.ts';
import type { SweepRecord } from '../store/store.ts';
import {
  closeQueue,
  failFastConnection,
  KEEP_FINISHED,
  type QueueConfig,
  SITE_INSPECTIONS,
  SITE_JOB_ATTEMPTS,
  SITE_JOB_BACKOFF,
  type SiteJobData,
  siteJobId,
} from './queues.ts';

export interface SweepLauncherOptions {
  /** Attempts per site (default 3). */
  attempts?: number;
  /** First retry delay, doubled at each retry (default 10 s). */
  backoffMs?: number;
  /** Inspection settings carried by every job (default: the worker's). */
  settings?: InspectionSettings;
  /**
   * Pages crawled per site for each plan; a site's own registry `maxPages` comes first. Such a
   * whole-site crawl is seeded from the site's sitemaps too. Without either, the job's `settings` (or
   * the worker's) decide.
   */
  pageBudgets?: PageBudgets;
  /** How long to wait for a first connection to Redis before giving up (default 1 s). */
  timeoutMs?: number;
  /**
   * What is known of each site beyond its registry entry (its parent portal's homepage, the scheduled
   * probes' availability), by site id, carried in its job. Default: nothing.
   */
  siteContexts?: (sweep: SweepRecord, sites: readonly Site[]) => Promise<ReadonlyMap<string, SiteContext>>;
  log?: Logger;
}

export interface QueueSweepLauncher extends SweepLauncher {
  close(): Promise<void>;
}

export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

/**
 * Puts sweeps on the `site-inspections` queue, one job per site, all in one transaction. When Redis
 * is down it throws within `timeoutMs` instead of waiting, so the API can answer 503; no job is ever
 * added after it has thrown, because nothing is sent until the connection is ready.
 */
export function createSweepLauncher(
  config: QueueConfig,
  options: SweepLauncherOptions = {},
): QueueSweepLauncher {
  const queue = new Queue<SiteJobData>(SITE_INSPECTIONS, {
    connection: failFastConnection(config),
    prefix: config.queuePrefix,
  });
  // Connection errors surface as launch failures; the listener keeps them from crashing the process.
  queue.on('error', (error) => options.log?.debug({ err: error }, 'sweep launcher: redis error'));
  const timeoutMs = options.timeoutMs ?? 1_000;
  return {
    async launch(sweep: SweepRecord, sites: readonly Site[]) {
      const client = await connected(queue, timeoutMs);
      if (client.status !== 'ready')
        throw new QueueUnavailableError(`任务队列（Redis）未连接（${client.status}）`);
      const known = (await options.siteContexts?.(sweep, sites)) ?? new Map<string, SiteContext>();
      await queue.addBulk(
        sites.map((site) => ({
          name: site.id,
          data: {
            sweepId: sweep.id,
            site,
            now: sweep.now,
            ...jobSettings(options, sweep, site),
            ...known.get(site.id),
          },
          opts: {
            jobId: siteJobId(sweep.id, site.id),
            attempts: options.attempts ?? SITE_JOB_ATTEMPTS,
            backoff: { ...SITE_JOB_BACKOFF, delay: options.backoffMs ?? SITE_JOB_BACKOFF.delay },
            ...KEEP_FINISHED,
          },
        })),
      );
    },
    close: () => closeQueue(queue),
  };
}

/**
 * The queue's Redis client once it is connected. Until the first connection succeeds BullMQ would
 * wait for it indefinitely; this gives up at the next connection error or after `ms`.
 */
function connected(queue: Queue, ms: number): Promise<RedisClient> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      queue.off('error', onError);
      reject(new QueueUnavailableError(`任务队列（Redis）无法连接：${reason}`));
    };
    const onError = (error: Error) => fail(error.message);
    const timer = setTimeout(() => fail(`${ms} 毫秒内未连上`), ms);
    queue.on('error', onError);
    queue.client.then(
      (client) => {
        clearTimeout(timer);
        queue.off('error', onError);
        resolve(client);
      },
      (error: Error) => fail(error.message),
    );
  });
}

/** The settings a site's job carries: the launcher's, with the site's page budget. */
function jobSettings(
  options: SweepLauncherOptions,
  sweep: SweepRecord,
  site: Site,
): { settings?: InspectionSettings } {
  const maxPages = site.maxPages ?? options.pageBudgets?.[sweep.kind];
  if (maxPages === undefined) return options.settings ? { settings: options.settings } : {};
  // A budgeted crawl is a whole-site crawl: its sitemaps seed it too.
  return {
    settings: { ...options.settings, maxPages, crawl: { ...options.settings?.crawl, sitemaps: true } },
  };
}
