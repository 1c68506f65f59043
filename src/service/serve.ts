import { buildApp } from '../api/app.ts';
import type { Logger } from '../log.ts';
import { startPlanRunner } from '../queue/plan-runner.ts';
import { scheduleProbeRounds, startProbeRounds } from '../queue/probe-rounds.ts';
import { trackBullmqConnections } from '../queue/redis-clients.ts';
import { isRedisOutageError } from '../queue/redis-errors.ts';
import { watchRedis } from '../queue/redis-watch.ts';
import { startResultIngester } from '../queue/result-ingester.ts';
import { reconcileSchedulers } from '../queue/schedulers.ts';
import { startSiteWorker } from '../queue/site-worker.ts';
import { scheduleStoreRetention, startStoreRetention } from '../queue/store-retention.ts';
import { createSweepLauncher } from '../queue/sweep-launcher.ts';
import { openStore } from '../store/open-store.ts';
import { loadWebhookConfig } from '../webhooks/config.ts';
import { startWebhookDeliveryWorker } from '../webhooks/delivery-worker.ts';
import { createWebhookNotifier } from '../webhooks/notifier.ts';
import type { ServiceConfig } from './config.ts';
import { createQueueHealth } from './queue-health.ts';
import { registerServiceRoutes } from './service-routes.ts';
import { closeParts, type ServicePart } from './shutdown.ts';
import { storedSiteContexts } from './sweep-site-contexts.ts';

export interface RunningService {
  /** e.g. http://127.0.0.1:8080 */
  address: string;
  /**
   * Stops taking requests, lets the site in hand finish (or return to the queue), closes the store,
   * within the bound of shutdown.ts whatever state Redis and the database are in.
   */
  close(): Promise<void>;
}

/**
 * `gov-inspect serve`: the API and the dashboards, the result ingester (results reach the store even
 * when they were produced while this process was down) with the webhook alerts it raises and their
 * delivery, the inspection plans' schedulers and their runner, the homepage probe rounds (unless
 * PROBE_INTERVAL_MINUTES=0), the daily trim of old records (RETENTION_DAYS), and, unless
 * SERVE_WORKERS=0, site workers. If any part fails to start (the port is taken), the parts already
 * started are closed again, so the process exits instead of lingering half-alive.
 */
export async function serve(config: ServiceConfig, log: Logger): Promise<RunningService> {
  trackBullmqConnections(log);
  const redis = watchRedis(config.redisUrl, log);
  const started: ServicePart[] = [];
  const closeStarted = async () => {
    // The watch stops first: its connection is dropped with the others, which is no outage.
    const reachable = redis.reachable();
    redis.close();
    await closeParts(started.reverse(), log, { redisReachable: () => reachable });
  };
  try {
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
    started.push({ name: 'results store', close: () => store.close() });
    const health = createQueueHealth(config.redisUrl, log);
    started.push({ name: 'queue health probe', close: () => health.close() });
    const launcher = createSweepLauncher(config, {
      log,
      siteContexts: storedSiteContexts(store),
      pageBudgets: config.pageBudgets,
    });
    started.push({ name: 'sweep launcher', close: () => launcher.close() });
    const webhooks = loadWebhookConfig();
    const webhookWorker = startWebhookDeliveryWorker(config, store, log, webhooks);
    started.push({ name: 'webhook delivery worker', close: () => webhookWorker.close() });
    const notifier = createWebhookNotifier({ store, queue: config, log });
    started.push({ name: 'webhook notifier', close: () => notifier.close() });
    const ingester = startResultIngester(config, store, log, notifier.onResultStored);
    started.push({ name: 'result ingester', close: () => ingester.close() });
    const planRunner = startPlanRunner(config, store, launcher, log);
    started.push({ name: 'plan runner', close: () => planRunner.close() });
    if (config.probeIntervalMinutes > 0) {
      const probeRounds = startProbeRounds(config, store, log, {
        resolve: config.resolve,
        allowNetworks: config.allowNetworks,
      });
      started.push({ name: 'probe rounds', close: () => probeRounds.close() });
    }
    // Not awaited, like the plans' schedulers below: it waits for Redis.
    void scheduleProbeRounds(config, config.probeIntervalMinutes, log).then(
      () => log.info({ intervalMinutes: config.probeIntervalMinutes }, 'homepage probe rounds scheduled'),
      logFailure(log, 'homepage probe rounds could not be scheduled'),
    );
    const retention = startStoreRetention(config, store, log, {
      retentionDays: config.retentionDays,
      artifactDir: config.artifactDir,
    });
    started.push({ name: 'store retention', close: () => retention.close() });
    void scheduleStoreRetention(config, log).then(
      () => log.info({ retentionDays: config.retentionDays }, 'store retention scheduled'),
      logFailure(log, 'store retention could not be scheduled'),
    );
    if (config.serveWorkers) {
      const siteWorker = startSiteWorker(config, log);
      started.push({
        name: 'site worker',
        close: () => siteWorker.close(),
        abandon: () => siteWorker.abandon(),
      });
    }
    const reconcile = serialized(() =>
      reconcileSchedulers(config, store, log).then(
        (plans) => log.info({ plans: plans.length }, 'schedulers reconciled'),
        logFailure(log, 'scheduler reconciliation failed'),
      ),
    );
    // Not awaited: it waits for Redis, and the API should answer (503 for sweeps) while Redis is away.
    void reconcile();

    const app = await buildApp({
      store,
      launcher,
      queueHealth: health.check,
      log,
      ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
      onRegistryChanged: reconcile,
      onFindingActions: notifier.onFindingActions,
    });
    started.push({ name: 'API', close: () => app.close() });
    await registerServiceRoutes(app, {
      store,
      artifactDir: config.artifactDir,
      log,
      queue: config,
      webhooks,
    });
    const address = await app.listen({ host: config.host, port: config.port });
    log.info(
      { address, embeddedStore: !config.databaseUrl, siteWorkers: config.serveWorkers },
      'service started',
    );
    return { address, close: closeStarted };
  } catch (error) {
    await closeStarted();
    throw error;
  }
}

/**
 * Runs `task` one call at a time: a reconcile after PUT /sites never interleaves with the one at boot,
 * which, holding the older registry, could remove a scheduler the newer one just added.
 */
function serialized(task: () => Promise<void>): () => Promise<void> {
  let last = Promise.resolve();
  return () => {
    last = last.then(task);
    return last;
  };
}

/**
 * Scheduling waits for Redis; it fails with an outage error only when the service stopped before
 * Redis came back (the outage itself is logged by the Redis watch), and the next start does it.
 */
function logFailure(log: Logger, message: string): (error: unknown) => void {
  return (error) => {
    if (error instanceof Error && isRedisOutageError(error))
      log.info({ err: error }, `${message}: Redis unreachable until the service stopped`);
    else log.error({ err: error }, message);
  };
}
