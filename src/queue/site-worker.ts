import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Job, Queue, Worker } from 'bullmq';
import type { Logger } from '../log.ts';
import type { ServiceConfig } from '../service/config.ts';
import { errorResult } from '../sweep/error-result.ts';
import {
  handOffResult,
  type QueueConfig,
  type ResultJobData,
  SITE_INSPECTIONS,
  SITE_RESULTS,
  type SiteJobData,
  type SiteJobSummary,
  workerConnection,
} from './queues.ts';
import { logRedisErrors } from './redis-errors.ts';
import { sandboxEnv } from './sandbox-config.ts';

export type SiteWorkerConfig = QueueConfig & Pick<ServiceConfig, 'artifactDir' | 'workerConcurrency'>;

export interface SiteWorkerOptions {
  /** Shown on the jobs this worker processed (BullMQ `processedBy`), and in logs. */
  name?: string;
  /** A job whose lock is not renewed for this long is taken to be stalled (default 30 s). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (default 30 s). */
  stalledIntervalMs?: number;
  /** Times a job may stall (its worker died) before it fails (default 2). */
  maxStalledCount?: number;
  /** Requests in flight at once to one host over every worker (default 4). */
  perHostConcurrency?: number;
}

export interface SiteWorker {
  readonly worker: Worker<SiteJobData, SiteJobSummary>;
  /** Stops taking jobs, lets the jobs in hand finish, then stops the processor children. */
  close(): Promise<void>;
  /**
   * Ends the processor children now, each with its job in hand and its browser (for a stop whose
   * grace is over): the jobs go back to the queue when their locks lapse.
   */
  abandon(): Promise<void>;
}

/** What `abandon` needs of BullMQ's pool of sandboxed children, which the Worker keeps private. */
interface ChildPoolInternals {
  retained: Record<string, { childProcess?: ChildProcess }>;
  free: Record<string, { childProcess?: ChildProcess }[]>;
}

const PROCESSOR = fileURLToPath(new URL('./site-processor.js', import.meta.url));

/**
 * Inspects sites from `site-inspections`, `workerConcurrency` at a time, each in a sandboxed child
 * process that calls `inspectSite` and hands the result to `site-results`. Needs only Redis.
 * A site whose last attempt failed (its child crashed, it stalled too often, the inspection threw)
 * gets an `error` result, so that its sweep still completes with one result per site.
 */
export function startSiteWorker(
  config: SiteWorkerConfig,
  log: Logger,
  options: SiteWorkerOptions = {},
): SiteWorker {
  const connection = workerConnection(config);
  const results = new Queue<ResultJobData>(SITE_RESULTS, { connection, prefix: config.queuePrefix });
  results.on('error', logRedisErrors(log, 'site results queue'));
  const worker = new Worker<SiteJobData, SiteJobSummary>(SITE_INSPECTIONS, PROCESSOR, {
    connection,
    prefix: config.queuePrefix,
    name: options.name,
    concurrency: config.workerConcurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    useWorkerThreads: false,
    workerForkOptions: {
      // Its own process group: a Ctrl-C or group signal reaches only this worker, which then lets
      // the child finish its job; a child whose worker died exits on its own (see site-processor.ts).
      detached: true,
      env: sandboxEnv({
        redisUrl: config.redisUrl,
        queuePrefix: config.queuePrefix,
        artifactDir: config.artifactDir,
        perHostConcurrency: options.perHostConcurrency,
        // One OCR at a time per worker, whatever its concurrency: its children share this lock.
        ocrLock: join(tmpdir(), `gov-inspect-ocr-${process.pid}-${randomUUID()}`),
      }),
    },
  });
  worker.on('error', logRedisErrors(log, 'site worker'));
  worker.on('stalled', (jobId) =>
    log.warn({ jobId }, 'site inspection stalled: its worker stopped renewing the lock; queued again'),
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = Boolean(job.finishedOn);
    const { sweepId, site } = job.data;
    log.warn(
      { sweepId, siteId: site.id, attempt: job.attemptsMade, final, reason: error.message },
      final ? 'site inspection failed for good' : 'site inspection attempt failed; will retry',
    );
    if (final) void handOffError(results, job, error, log);
  });
  return {
    worker,
    async close() {
      await worker.close();
      await results.close();
    },
    async abandon() {
      const pool = (worker as unknown as { childPool?: ChildPoolInternals }).childPool;
      if (!pool) return;
      const children = [...Object.values(pool.retained), ...Object.values(pool.free).flat()];
      await Promise.all(children.map((child) => child.childProcess && disconnectChild(child.childProcess)));
    },
  };
}

/** Cuts a child's channel: the child exits on it (see site-processor.ts), Playwright's exit taking its browser down. */
async function disconnectChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.disconnect();
  else child.kill('SIGKILL');
  await exited;
}

/**
 * The processor hands its own error result over when it fails for good; this covers what it cannot
 * (its process crashed, the job stalled too often). The same job id makes a second hand-off a no-op.
 */
async function handOffError(
  results: Queue<ResultJobData>,
  job: Job<SiteJobData>,
  error: Error,
  log: Logger,
): Promise<void> {
  const { sweepId, site } = job.data;
  try {
    await handOffResult(results, sweepId, errorResult(site, error));
  } catch (handOffError) {
    log.error({ sweepId, siteId: site.id, err: handOffError }, 'could not hand the error result over');
  }
}
