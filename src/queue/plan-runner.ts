import { createHash } from 'node:crypto';
import { type Job, Worker } from 'bullmq';
import type { Logger } from '../log.ts';
import { SweepRequestError, startSweep } from '../service/start-sweep.ts';
import type { SweepLauncher } from '../service/sweep-launcher.ts';
import type { ResultsStore } from '../store/store.ts';
import {
  type PlanJobData,
  patientBackoff,
  type QueueConfig,
  SWEEP_PLANS,
  workerConnection,
} from './queues.ts';
import { logRedisErrors } from './redis-errors.ts';

/**
 * When the plan fired: a scheduler job's `timestamp` is when the job was created (at the previous
 * firing or the last reconcile), its fire time is `timestamp + delay`. That fire time is the sweep's
 * "today" and decides its period.
 */
export function firedAt(job: Pick<Job, 'timestamp' | 'delay'>): Date {
  return new Date(job.timestamp + (job.delay ?? 0));
}

/** One firing of a plan is one sweep, however often its job runs: the sweep id is derived from the job's. */
function sweepIdOf(job: Job<PlanJobData>): string {
  const hex = createHash('sha256').update(`sweep-plan:${job.id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface PlanRunner {
  readonly worker: Worker<PlanJobData, { sweepId: string | null }>;
  close(): Promise<void>;
}

/**
 * Turns a fired plan into a sweep, through `startSweep` like a sweep started from the API. Runs where
 * the database is (the `serve` process). A plan with no site to inspect (an empty registry) is logged
 * and done, not retried.
 */
export function startPlanRunner(
  config: QueueConfig,
  store: ResultsStore,
  launcher: SweepLauncher,
  log: Logger,
): PlanRunner {
  const worker = new Worker<PlanJobData, { sweepId: string | null }>(
    SWEEP_PLANS,
    async (job: Job<PlanJobData>) => {
      const { plan, kind, region } = job.data;
      try {
        const sweep = await startSweep(
          store,
          launcher,
          {
            sweepId: sweepIdOf(job),
            kind,
            ...(region ? { region } : {}),
            requestedBy: `scheduler:${plan}`,
            now: firedAt(job),
          },
          () => true,
        );
        log.info({ plan, sweepId: sweep.id, sites: sweep.total }, 'scheduled sweep started');
        return { sweepId: sweep.id };
      } catch (error) {
        if (error instanceof SweepRequestError) {
          log.warn({ plan, err: error }, 'scheduled sweep has nothing to inspect');
          return { sweepId: null };
        }
        throw error;
      }
    },
    {
      connection: workerConnection(config),
      prefix: config.queuePrefix,
      concurrency: 1,
      settings: { backoffStrategy: patientBackoff },
    },
  );
  worker.on('error', logRedisErrors(log, 'plan runner'));
  worker.on('failed', (job, error) =>
    log.error(
      { plan: job?.data.plan, attempt: job?.attemptsMade, err: error },
      'scheduled sweep could not start',
    ),
  );
  return { worker, close: () => worker.close() };
}
