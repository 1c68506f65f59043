import { type Job, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../log.ts';
import type { SiteResult } from '../results.ts';
import type { ResultsStore } from '../store/store.ts';
import { UnknownSweepError } from '../store/sweeps-repository.ts';
import {
  patientBackoff,
  type QueueConfig,
  type ResultJobData,
  SITE_INSPECTIONS,
  SITE_RESULTS,
  workerConnection,
} from './queues.ts';
import { logRedisErrors } from './redis-errors.ts';

/**
 * Called after a result is stored, on every run of its job, also when it was stored before (the
 * process may have died between storing and this hook), so it must be idempotent. When it throws,
 * the job fails and is retried (issue 4 hangs webhooks here).
 */
export type OnResultStored = (sweepId: string, result: SiteResult) => void | Promise<void>;

export interface ResultIngester {
  readonly worker: Worker<ResultJobData, { stored: boolean }>;
  close(): Promise<void>;
}

/**
 * Moves results from `site-results` into the store, where the database is (the `serve` process).
 * Results wait in Redis while this process is down. Storing is idempotent: a result delivered twice
 * is stored once. `onStored` runs on every run of the job, and its failure retries the job, so
 * nothing it should do is lost to a crash or an outage after the result was stored. A sweep is marked running when
 * its first site starts (seen on the queue's event stream) or, at the latest, with its first result.
 */
export function startResultIngester(
  config: QueueConfig,
  store: ResultsStore,
  log: Logger,
  onStored?: OnResultStored,
): ResultIngester {
  const connection = workerConnection(config);
  const worker = new Worker<ResultJobData, { stored: boolean }>(
    SITE_RESULTS,
    async (job: Job<ResultJobData>) => {
      const { sweepId, result } = job.data;
      let stored: boolean;
      try {
        await store.sweeps.markRunning(sweepId, new Date(result.startedAt));
        stored = await store.results.record(sweepId, result);
      } catch (error) {
        // A result for a sweep this store never had (another deployment's, a wiped database): no retry helps.
        if (error instanceof UnknownSweepError) throw new UnrecoverableError(error.message);
        throw error;
      }
      log.info(
        { sweepId, siteId: result.siteId, status: result.status, stored },
        stored ? 'result stored' : 'result already stored',
      );
      if (onStored) await onStored(sweepId, result);
      return { stored };
    },
    { connection, prefix: config.queuePrefix, concurrency: 4, settings: { backoffStrategy: patientBackoff } },
  );
  worker.on('error', logRedisErrors(log, 'result ingester'));
  worker.on('failed', (job, error) =>
    log.error(
      { sweepId: job?.data.sweepId, siteId: job?.data.result.siteId, attempt: job?.attemptsMade, err: error },
      'storing a result or its hook failed',
    ),
  );

  // Progress only: missing an event (this process was down) costs nothing, the first result marks it.
  const events = new QueueEvents(SITE_INSPECTIONS, { connection, prefix: config.queuePrefix });
  events.on('error', logRedisErrors(log, 'site inspection events'));
  events.on('active', ({ jobId }) => {
    const sweepId = jobId.split('__')[0];
    if (!sweepId) return;
    store.sweeps
      .markRunning(sweepId, new Date())
      .catch((error: unknown) => log.warn({ sweepId, err: error }, 'could not mark the sweep running'));
  });

  return {
    worker,
    async close() {
      await Promise.all([worker.close(), events.close()]);
    },
  };
}
