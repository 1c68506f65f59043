import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../log.ts';
import { type QueueConfig, workerConnection } from '../queue/queues.ts';
import { logRedisErrors } from '../queue/redis-errors.ts';
import type { ResultsStore } from '../store/store.ts';
import {
  BACKOFF_TYPE,
  type BackoffSchedule,
  backoffDelay,
  createWebhookQueue,
  DELIVERY_BACKOFF,
  type DeliveryJobData,
  WEBHOOK_DELIVERIES,
  type WebhookQueue,
} from './delivery-queue.ts';
import { DELIVERY_TIMEOUT_MS, postWebhook, signedHeaders } from './post-webhook.ts';
import { checkTarget, type HostLookup, TargetRefusedError, TargetUnresolvedError } from './target-guard.ts';

export interface DeliveryWorkerOptions {
  allowPrivateTargets: boolean;
  /** Default: DELIVERY_BACKOFF (about 20.5 hours over 12 attempts). */
  backoff?: BackoffSchedule;
  /** One attempt's budget, the DNS lookup included. Default DELIVERY_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Default: the system resolver. */
  lookup?: HostLookup;
  concurrency?: number;
  /** How often pending deliveries without a job are looked for (a hand-off lost to a Redis outage). Default 5 min. */
  requeueIntervalMs?: number;
}

export interface WebhookDeliveryWorker {
  readonly worker: Worker<DeliveryJobData>;
  close(): Promise<void>;
}

type Result = { state: 'delivered' | 'gone' | 'already-delivered' };

/**
 * Sends queued webhook deliveries: each attempt signed afresh (new `webhook-timestamp`, same
 * `webhook-id`), to an address checked again at that moment, and logged in the delivery log. A 2xx
 * is delivered; anything else is retried with backoff until the attempts run out (`failed`).
 * At start and every few minutes, pending deliveries are queued again (a no-op for those whose job
 * exists), so one whose job was never added, say Redis was away at that moment, is not lost.
 */
export function startWebhookDeliveryWorker(
  config: QueueConfig,
  store: ResultsStore,
  log: Logger,
  options: DeliveryWorkerOptions,
): WebhookDeliveryWorker {
  const schedule = options.backoff ?? DELIVERY_BACKOFF;
  const worker = new Worker<DeliveryJobData, Result>(
    WEBHOOK_DELIVERIES,
    (job) => deliver(job, store, log, options),
    {
      connection: workerConnection(config),
      prefix: config.queuePrefix,
      concurrency: options.concurrency ?? 8,
      settings: {
        backoffStrategy: (attemptsMade: number, type?: string) =>
          type === BACKOFF_TYPE ? backoffDelay(attemptsMade, schedule) : -1,
      },
    },
  );
  worker.on('error', logRedisErrors(log, 'webhook delivery worker'));
  const queue = createWebhookQueue(config, workerConnection(config));
  void requeuePending(queue, store, log);
  const timer = setInterval(
    () => void requeuePending(queue, store, log),
    options.requeueIntervalMs ?? 300_000,
  );
  timer.unref();
  return {
    worker,
    async close() {
      clearInterval(timer);
      await worker.close();
      await queue.close();
    },
  };
}

async function deliver(
  job: Job<DeliveryJobData>,
  store: ResultsStore,
  log: Logger,
  options: DeliveryWorkerOptions,
): Promise<Result> {
  const { deliveryId } = job.data;
  const delivery = await store.webhooks.getDelivery(deliveryId);
  const secret = delivery && (await store.webhooks.secretOf(delivery.subscriptionId));
  const subscription = delivery && (await store.webhooks.get(delivery.subscriptionId));
  if (!delivery || !secret || !subscription) return { state: 'gone' }; // the subscription was deleted
  if (delivery.state === 'delivered') return { state: 'already-delivered' };
  const context = { deliveryId, subscriptionId: subscription.id, event: delivery.eventType };
  const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const budgetMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const deadline = Date.now() + budgetMs;
  let target: Awaited<ReturnType<typeof checkTarget>>;
  try {
    target = await checkTarget(subscription.url, {
      allowPrivateTargets: options.allowPrivateTargets,
      lookup: options.lookup,
      lookupTimeoutMs: budgetMs / 2,
    });
  } catch (error) {
    if (error instanceof TargetUnresolvedError) {
      // Retried like an unanswered request: DNS failures are usually temporary.
      const state = final ? 'failed' : 'pending';
      await store.webhooks.recordAttempt(deliveryId, { status: null, error: error.message, state });
      log.warn({ ...context, err: error, state }, 'webhook target did not resolve');
      throw error;
    }
    if (!(error instanceof TargetRefusedError)) throw error;
    await store.webhooks.recordAttempt(deliveryId, { status: null, error: error.message, state: 'failed' });
    log.warn({ ...context, err: error }, 'webhook target refused');
    throw new UnrecoverableError(error.message);
  }
  const body = JSON.stringify(delivery.payload);
  const headers = signedHeaders(secret, deliveryId, new Date(), body);
  const outcome = await postWebhook(target, headers, body, Math.max(1, deadline - Date.now()));
  const state = outcome.error === null ? 'delivered' : final ? 'failed' : 'pending';
  await store.webhooks.recordAttempt(deliveryId, { ...outcome, state });
  log.info({ ...context, status: outcome.status, error: outcome.error, state }, 'webhook attempt');
  if (outcome.error !== null) throw new Error(`webhook delivery ${deliveryId} failed: ${outcome.error}`);
  return { state: 'delivered' };
}

/** Deliveries already queued are not added again (deterministic job ids). */
async function requeuePending(queue: WebhookQueue, store: ResultsStore, log: Logger): Promise<void> {
  try {
    for (const delivery of await store.webhooks.pendingDeliveries()) await queue.enqueue(delivery);
  } catch (error) {
    log.error({ err: error }, 'could not queue pending webhook deliveries again');
  }
}
