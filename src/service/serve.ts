import { buildApp } from '../api/app.ts';
import type { Logger } from '../log.ts';
import { startPlanRunner } from '../queue/plan-runner.ts';
import { startResultIngester } from '../queue/result-ingester.ts';
import { reconcileSchedulers } from '../queue/schedulers.ts';
import { startSiteWorker } from '../queue/site-worker.ts';
import { createSweepLauncher } from '../queue/sweep-launcher.ts';
import { openStore } from '../store/open-store.ts';
import type { ServiceConfig } from './config.ts';
import { createQueueHealth } from './queue-health.ts';

export interface RunningService {
  /** e.g. http://127.0.0.1:8080 */
  address: string;
  /** Stops taking requests, lets the site in hand finish (or return to the queue), closes the store. */
  close(): Promise<void>;
}

/**
 * `gov-inspect serve`: the API, the result ingester (results reach the store even when they were
 * produced while this process was down), the inspection plans' schedulers and their runner, and,
 * unless SERVE_WORKERS=0, site workers.
 */
export async function serve(config: ServiceConfig, log: Logger): Promise<RunningService> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  const launcher = createSweepLauncher(config, { log });
  const ingester = startResultIngester(config, store, log);
  const planRunner = startPlanRunner(config, store, launcher, log);
  const siteWorker = config.serveWorkers ? startSiteWorker(config, log) : undefined;
  const health = createQueueHealth(config.redisUrl, log);
  const reconcile = () =>
    reconcileSchedulers(config, store, log).then(
      (plans) => log.info({ plans: plans.length }, 'schedulers reconciled'),
      (error: unknown) => log.error({ err: error }, 'scheduler reconciliation failed'),
    );
  // Not awaited: it waits for Redis, and the API should answer (503 for sweeps) while Redis is away.
  void reconcile();

  const app = await buildApp({
    store,
    launcher,
    queueHealth: health.check,
    log,
    onRegistryChanged: reconcile,
  });
  const address = await app.listen({ host: config.host, port: config.port });
  log.info(
    { address, embeddedStore: !config.databaseUrl, siteWorkers: config.serveWorkers },
    'service started',
  );
  return {
    address,
    async close() {
      await app.close();
      await siteWorker?.close();
      await planRunner.close();
      await ingester.close();
      await launcher.close();
      await health.close();
      await store.close();
    },
  };
}
