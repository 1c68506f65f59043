import type { Logger } from '../log.ts';
import { trackBullmqConnections } from '../queue/redis-clients.ts';
import { redactedUrl, watchRedis } from '../queue/redis-watch.ts';
import { startSiteWorker } from '../queue/site-worker.ts';
import type { ServiceConfig } from './config.ts';
import { closeParts } from './shutdown.ts';

/** `gov-inspect worker`: site workers only. Needs nothing but Redis; start as many as there are machines. */
export function work(config: ServiceConfig, log: Logger): { close(): Promise<void> } {
  trackBullmqConnections(log);
  const redis = watchRedis(config.redisUrl, log);
  const worker = startSiteWorker(config, log);
  log.info({ concurrency: config.workerConcurrency, redis: redactedUrl(config.redisUrl) }, 'worker started');
  return {
    async close() {
      // The watch stops first: its connection is dropped with the others, which is no outage.
      const reachable = redis.reachable();
      redis.close();
      await closeParts(
        [{ name: 'site worker', close: () => worker.close(), abandon: () => worker.abandon() }],
        log,
        {
          redisReachable: () => reachable,
        },
      );
    },
  };
}
