import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../api/access.ts';
import { dashboardRoutes } from '../dashboard/dashboard-routes.ts';
import type { Logger } from '../log.ts';
import type { QueueConfig } from '../queue/queues.ts';
import type { ResultsStore } from '../store/store.ts';
import type { WebhookConfig } from '../webhooks/config.ts';
import { webhookRoutes } from '../webhooks/routes.ts';

export interface ServiceRoutesOptions {
  store: ResultsStore;
  /** Where workers keep evidence (header screenshots), which the dashboards show. */
  artifactDir: string;
  log: Logger;
  /** Redis and the queue prefix, for the webhook redeliveries. */
  queue: QueueConfig;
  webhooks: WebhookConfig;
}

/**
 * What `serve` registers beside the API app (`app`): the webhook routes, which need the queue, and
 * the dashboards. The route table test builds its server the same way.
 */
export async function registerServiceRoutes(
  app: FastifyInstance,
  options: ServiceRoutesOptions,
): Promise<void> {
  await app.register(webhookRoutes, { prefix: API_PREFIX, queue: options.queue, ...options.webhooks });
  await app.register(dashboardRoutes, {
    store: options.store,
    artifactDir: options.artifactDir,
    log: options.log,
  });
}
