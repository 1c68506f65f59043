import { Queue } from 'bullmq';
import type { InspectionSettings } from '../inspection/context.ts';
import type { Logger } from '../log.ts';
import type { Site } from '../registry/site.ts';
import type { SweepLauncher } from '../service/sweep-launcher.ts';
import type { SweepRecord } from '../store/store.ts';
import {
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
  /** How long to wait for Redis before giving up (default 2 s). */
  timeoutMs?: number;
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
  const timeoutMs = options.timeoutMs ?? 2_000;
  return {
    async launch(sweep: SweepRecord, sites: readonly Site[]) {
      const client = await withTimeout(queue.client, timeoutMs);
      if (client.status !== 'ready')
        throw new QueueUnavailableError(`任务队列（Redis）未连接：${client.status}`);
      await queue.addBulk(
        sites.map((site) => ({
          name: site.id,
          data: {
            sweepId: sweep.id,
            site,
            now: sweep.now,
            ...(options.settings ? { settings: options.settings } : {}),
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
    close: () => queue.close(),
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new QueueUnavailableError(`任务队列（Redis）在 ${ms} 毫秒内无法连接`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
