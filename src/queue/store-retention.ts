import { Queue, Worker } from 'bullmq';
import type { Logger } from '../log.ts';
import { type RetentionSummary, trimOldRecords } from '../service/retention.ts';
import type { ResultsStore } from '../store/store.ts';
import { TIME_ZONE } from '../sweep/period.ts';
import { KEEP_FINISHED, type QueueConfig, workerConnection } from './queues.ts';
import { logRedisErrors } from './redis-errors.ts';

/** The daily trim's scheduler fires here. */
export const STORE_RETENTION = 'store-retention';
export const STORE_RETENTION_SCHEDULER = 'store-retention-trim';
/** 03:30 Asia/Shanghai, when no plan starts and few people read. */
export const STORE_RETENTION_PATTERN = '30 3 * * *';

/** Makes the daily trim's scheduler (safe at every boot and from several processes). */
export async function scheduleStoreRetention(config: QueueConfig, log?: Logger): Promise<void> {
  const queue = new Queue(STORE_RETENTION, {
    connection: workerConnection(config),
    prefix: config.queuePrefix,
  });
  queue.on('error', log ? logRedisErrors(log, 'store retention scheduler') : () => {});
  try {
    await queue.waitUntilReady(); // see reconcileSchedulers
    await queue.upsertJobScheduler(
      STORE_RETENTION_SCHEDULER,
      { pattern: STORE_RETENTION_PATTERN, tz: TIME_ZONE },
      // A failed trim is not retried: the next day's deletes what it left.
      { name: 'trim', data: {}, opts: { attempts: 1, ...KEEP_FINISHED } },
    );
  } finally {
    await queue.close();
  }
}

/** Runs the trims where the database is (the `serve` process), and logs what each deleted. */
export function startStoreRetention(
  config: QueueConfig,
  store: Pick<ResultsStore, 'probes' | 'results'>,
  log: Logger,
  options: { retentionDays: number; artifactDir: string },
): Worker<Record<string, never>, RetentionSummary> {
  const worker = new Worker<Record<string, never>, RetentionSummary>(
    STORE_RETENTION,
    async () => {
      const summary = await trimOldRecords(store, options);
      log.info({ ...summary, retentionDays: options.retentionDays }, 'old records trimmed');
      return summary;
    },
    { connection: workerConnection(config), prefix: config.queuePrefix, concurrency: 1 },
  );
  worker.on('error', logRedisErrors(log, 'store retention'));
  worker.on('failed', (_job, error) => log.error({ err: error }, 'trimming old records failed'));
  return worker;
}
