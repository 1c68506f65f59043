import { Queue, Worker } from 'bullmq';
import pLimit from 'p-limit';
import { probeHomepage } from '../../crawlers/homepage-probe/probe-homepage.ts';
import { siteReach } from '../../crawlers/reach/site-reach.ts';
import type { ResolveTable } from '../../crawlers/resolve/resolve-table.ts';
import type { Logger } from '../log.ts';
import type { ResultsStore, SiteProbe } from '../store/store.ts';
import { TIME_ZONE } from '../sweep/period.ts';
import { HOMEPAGE_PROBES, KEEP_FINISHED, type QueueConfig, workerConnection } from './queues.ts';
import { logRedisErrors } from './redis-errors.ts';

export const PROBE_ROUND_SCHEDULER = 'homepage-probe-round';

export interface ProbeRoundOptions {
  /** `GOV_INSPECT_RESOLVE`: where connections to a host go. */
  resolve?: ResolveTable;
  /** `CRAWL_ALLOW_NETWORKS`: where a homepage's redirects may go besides the public internet and its own addresses. */
  allowNetworks?: readonly string[];
  /** Homepages probed at once (default 16). */
  concurrency?: number;
  /** Limit of one probe (default the national method's 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ProbeRoundSummary {
  sites: number;
  failures: number;
}

/**
 * One round: every registered site's homepage probed once, the probes recorded together (the old ones
 * go with RETENTION_DAYS: store-retention.ts).
 */
export async function runProbeRound(
  store: Pick<ResultsStore, 'sites' | 'probes'>,
  options: ProbeRoundOptions = {},
): Promise<ProbeRoundSummary> {
  const round = followAbort(options.signal);
  try {
    const sites = await store.sites.list();
    const limit = pLimit(options.concurrency ?? 16);
    const probes = await Promise.all(
      sites.map((site) =>
        limit(
          async (): Promise<SiteProbe> => ({
            siteId: site.id,
            ...(await probeHomepage(site.homepage, {
              resolve: options.resolve,
              reach: await siteReach(site.homepage, options),
              timeoutMs: options.timeoutMs,
              signal: round.signal,
            })),
          }),
        ),
      ),
    );
    await store.probes.record(probes);
    return { sites: sites.length, failures: probes.filter((probe) => !probe.ok).length };
  } finally {
    round.release();
  }
}

/**
 * A signal of one round that aborts with `outer`. The probes combine theirs with it by
 * `AbortSignal.any`, which on Node 20 leaves a reference on the source signal for as long as that
 * lives: on the service's process-long signal, tens of thousands a day. The round's signal goes with
 * the round; `release` detaches it from `outer`.
 */
function followAbort(outer: AbortSignal | undefined): { signal: AbortSignal; release(): void } {
  const round = new AbortController();
  const follow = () => round.abort(outer?.reason);
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  return { signal: round.signal, release: () => outer?.removeEventListener('abort', follow) };
}

/** The cron pattern of a round every `minutes` (a divisor of 60): at :00 and :30 for 30. */
export function probeRoundPattern(minutes: number): string {
  return minutes === 60 ? '0 * * * *' : `*/${minutes} * * * *`;
}

/**
 * Makes the rounds' scheduler on `homepage-probes` the configured one: upserted (safe at every boot
 * and from several processes, the pending round is kept), or removed when the rounds are off (0).
 */
export async function scheduleProbeRounds(
  config: QueueConfig,
  intervalMinutes: number,
  log?: Logger,
): Promise<void> {
  const queue = new Queue(HOMEPAGE_PROBES, {
    connection: workerConnection(config),
    prefix: config.queuePrefix,
  });
  queue.on('error', log ? logRedisErrors(log, 'probe round scheduler') : () => {});
  try {
    await queue.waitUntilReady(); // see reconcileSchedulers
    if (intervalMinutes === 0) {
      await queue.removeJobScheduler(PROBE_ROUND_SCHEDULER);
      return;
    }
    await queue.upsertJobScheduler(
      PROBE_ROUND_SCHEDULER,
      { pattern: probeRoundPattern(intervalMinutes), tz: TIME_ZONE },
      // A failed round is not retried: the next one comes within the interval.
      { name: 'probe-round', data: {}, opts: { attempts: 1, ...KEEP_FINISHED } },
    );
  } finally {
    await queue.close();
  }
}

export interface ProbeRounds {
  readonly worker: Worker<Record<string, never>, ProbeRoundSummary>;
  /** Abandons the round in progress (its probes are not recorded) and stops. */
  close(): Promise<void>;
}

/** Runs the rounds, one at a time, where the database is (the `serve` process). */
export function startProbeRounds(
  config: QueueConfig,
  store: Pick<ResultsStore, 'sites' | 'probes'>,
  log: Logger,
  options: Omit<ProbeRoundOptions, 'signal'> = {},
): ProbeRounds {
  const stopping = new AbortController();
  const worker = new Worker<Record<string, never>, ProbeRoundSummary>(
    HOMEPAGE_PROBES,
    async () => {
      const summary = await runProbeRound(store, { ...options, signal: stopping.signal });
      log.info(summary, 'homepage probe round done');
      return summary;
    },
    { connection: workerConnection(config), prefix: config.queuePrefix, concurrency: 1 },
  );
  worker.on('error', logRedisErrors(log, 'probe rounds'));
  worker.on('failed', (_job, error) => {
    if (!stopping.signal.aborted) log.error({ err: error }, 'homepage probe round failed');
  });
  return {
    worker,
    async close() {
      stopping.abort(new Error('the service is stopping'));
      await worker.close();
    },
  };
}
