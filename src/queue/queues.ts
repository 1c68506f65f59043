import type { ConnectionOptions, DefaultJobOptions, Queue } from 'bullmq';
import type { OfficeWording } from '../../checks/lib/office-wording.ts';
import type { HomepageAvailability } from '../../crawlers/artifacts.ts';
import type { InspectionSettings } from '../inspection/context.ts';
import type { Site } from '../registry/site.ts';
import type { SiteResult } from '../results.ts';
import type { ServiceConfig } from '../service/config.ts';
import type { SweepKind } from '../store/store.ts';

/** What the queue side of the service needs from its configuration. */
export type QueueConfig = Pick<ServiceConfig, 'redisUrl' | 'queuePrefix'>;

/** One job per (sweep, site): inspect the site. */
export const SITE_INSPECTIONS = 'site-inspections';
/** One job per finished site: the result, on its way to whoever holds the database. */
export const SITE_RESULTS = 'site-results';
/** The inspection plans' schedulers fire here. */
export const SWEEP_PLANS = 'sweep-plans';
/** The homepage probe rounds' scheduler fires here (clause 4.4.2, 站点无法访问). */
export const HOMEPAGE_PROBES = 'homepage-probes';

/** A site inspection job: the site travels in the job, so a worker needs nothing but Redis. */
export interface SiteJobData {
  sweepId: string;
  site: Site;
  /** "Today" for the sweep's date rules (ISO). */
  now: string;
  settings?: InspectionSettings;
  /** The homepage of the portal `site.parent` names, when the registry holds it. */
  parentHomepage?: string;
  /**
   * The homepage's availability as the scheduled probes saw it from the start of the sweep's period to
   * its `now`; absent when the site was not probed then, and the worker probes once itself.
   */
  availability?: HomepageAvailability;
  /**
   * The offices' wording entries and this site's exceptions, read from the store when the sweep was
   * launched; absent when offices kept none.
   */
  wording?: OfficeWording;
}

/** What a finished site inspection job returns (the result itself goes to `site-results`). */
export interface SiteJobSummary {
  siteId: string;
  status: SiteResult['status'];
  score: number;
  pagesCrawled: number;
  linksChecked: number;
}

export interface ResultJobData {
  sweepId: string;
  result: SiteResult;
}

/** A plan's scheduler fires this: start a sweep of `kind`, limited to `region` if set. */
export interface PlanJobData {
  plan: string;
  kind: SweepKind;
  region?: string;
}

/**
 * The job id of a site within a sweep, in both `site-inspections` and `site-results`: deterministic,
 * so a sweep cannot put a site on the queue twice and a redelivered result adds nothing.
 */
export function siteJobId(sweepId: string, siteId: string): string {
  return `${sweepId}__${siteId}`;
}

/** Connection for workers: commands wait for Redis to come back rather than fail (BullMQ requirement). */
export function workerConnection(config: QueueConfig): ConnectionOptions {
  return { url: config.redisUrl, maxRetriesPerRequest: null };
}

/**
 * Connection for producers that must answer now: no offline queue, so a command fails at once
 * when Redis is not connected, and a short connect timeout.
 */
export function failFastConnection(config: QueueConfig): ConnectionOptions {
  return {
    url: config.redisUrl,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  };
}

/**
 * Closes a queue, even one whose connection is still starting up. BullMQ 5.81 rejects the
 * start-up of a connection closed before it was ready and re-emits that as an 'error' on the
 * connection after close() removed every listener, which crashes the process (seen when `serve`
 * finds its port taken a moment after creating its queues). So a starting connection is given up to
 * `settleMs` to come up first, and a listener added after close() absorbs a late rejection.
 */
export async function closeQueue(queue: Queue, settleMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    queue.client.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, settleMs);
    }),
  ]);
  clearTimeout(timer);
  await queue.close();
  (queue as unknown as { connection: NodeJS.EventEmitter }).connection.on('error', () => {});
}

/** Finished jobs are kept a while for inspection (failedReason, stacktrace), then removed. */
export const KEEP_FINISHED: Pick<DefaultJobOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** Site inspections are retried a bounded number of times, backing off exponentially. */
export const SITE_JOB_ATTEMPTS = 3;
export const SITE_JOB_BACKOFF = { type: 'exponential', delay: 10_000 } as const;

/**
 * Backoff for work that must happen eventually (storing a result, starting a scheduled sweep): doubling
 * from the job's `delay`, capped at `PATIENT_CAP_MS`, so that an outage of hours or days is waited out
 * instead of exhausting the attempts in an hour. Workers of such jobs pass this as `backoffStrategy`.
 */
export const PATIENT_BACKOFF = 'patient';

/** The wait after the `attemptsMade`-th failed attempt (1-based): doubling from `baseMs`, at most `capMs`. */
export function cappedDoubling(attemptsMade: number, baseMs: number, capMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), capMs);
}
const PATIENT_CAP_MS = 5 * 60_000;

export function patientBackoff(
  attemptsMade: number,
  type?: string,
  _error?: Error,
  job?: { opts: { backoff?: number | { delay?: number } } },
): number {
  const backoff = job?.opts.backoff;
  const base = (typeof backoff === 'object' ? backoff.delay : backoff) ?? 1_000;
  return type === PATIENT_BACKOFF ? cappedDoubling(attemptsMade, base, PATIENT_CAP_MS) : base;
}

/** Storing a result is retried for about a week (the database may be away for long); failed ones are kept. */
export const RESULT_JOB_OPTIONS = {
  attempts: 2_000,
  backoff: { type: PATIENT_BACKOFF, delay: 1_000 },
  ...KEEP_FINISHED,
} as const;

/** Hands a site's result to `site-results`; the deterministic job id makes a second hand-off add nothing. */
export async function handOffResult(
  results: Queue<ResultJobData>,
  sweepId: string,
  result: SiteResult,
): Promise<void> {
  await results.add(
    result.siteId,
    { sweepId, result },
    { jobId: siteJobId(sweepId, result.siteId), ...RESULT_JOB_OPTIONS },
  );
}
