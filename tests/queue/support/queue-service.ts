import { startResultIngester } from '../../../src/queue/result-ingester.ts';
import { startSiteWorker } from '../../../src/queue/site-worker.ts';
import { createSweepLauncher } from '../../../src/queue/sweep-launcher.ts';
import type { Site } from '../../../src/registry/site.ts';
import { startSweep } from '../../../src/service/start-sweep.ts';
import { storedSiteContexts } from '../../../src/service/sweep-site-contexts.ts';
import type { SweepRecord } from '../../../src/store/store.ts';
import { FAST_SETTINGS, type Harness, waitForSweep } from './harness.ts';

/** The queue side of the service in this process, on a harness. */
export interface QueueService {
  /** Starts an ad hoc sweep of these stored sites, as the API does, and gives it back once it is done. */
  sweep(sites: readonly Site[], now: Date): Promise<SweepRecord>;
  close(): Promise<void>;
}

/**
 * The launcher as `serve` makes it (each job carries what the store knows of its site), with small
 * budgets for loopback sites, the result ingester and one site worker that reads only Redis.
 */
export function startQueueService(h: Harness): QueueService {
  const launcher = createSweepLauncher(h.config, {
    settings: FAST_SETTINGS,
    siteContexts: storedSiteContexts(h.store),
    log: h.log,
  });
  const ingester = startResultIngester(h.config, h.store, h.log);
  const worker = startSiteWorker(h.config, h.log);
  return {
    async sweep(sites, now) {
      const sweep = await startSweep(
        h.store,
        launcher,
        { kind: 'adhoc', siteIds: sites.map((site) => site.id), requestedBy: 'test', now },
        () => true,
      );
      return waitForSweep(h.store, sweep.id);
    },
    async close() {
      await worker.close();
      await ingester.close();
      await launcher.close();
    },
  };
}
