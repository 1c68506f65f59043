import { createHash } from 'node:crypto';
import { type ConnectionOptions, Queue } from 'bullmq';
import { cappedDoubling, closeQueue, KEEP_FINISHED, type QueueConfig } from '../queue/queues.ts';
import type { WebhookDelivery } from '../store/store.ts';

/** One job per delivery attempt round: POST one event to one subscription. */
export const WEBHOOK_DELIVERIES = 'webhook-deliveries';

/** Only the id travels in the job: the payload is in the delivery log, the secret in the store. */
export interface DeliveryJobData {
  deliveryId: string;
}

/**
 * Attempts and backoff (the custom `webhook` strategy of the delivery worker). With the defaults the
 * waits after each failed attempt are 1, 2, 4, 8, 16, 32, 64, 128, 256 min, then 6 h, 6 h: twelve
 * attempts over about 20.5 hours, after which the delivery is `failed` (it can still be redelivered).
 */
export const DELIVERY_ATTEMPTS = 12;
export interface BackoffSchedule {
  baseMs: number;
  capMs: number;
}
export const DELIVERY_BACKOFF: BackoffSchedule = { baseMs: 60_000, capMs: 6 * 3600_000 };
export const BACKOFF_TYPE = 'webhook';

/** The wait after the `attemptsMade`-th failed attempt (1-based): doubling from `baseMs`, at most `capMs`. */
export function backoffDelay(attemptsMade: number, schedule: BackoffSchedule = DELIVERY_BACKOFF): number {
  return cappedDoubling(attemptsMade, schedule.baseMs, schedule.capMs);
}

/**
 * A delivery id (the `webhook-id`) derived from what the event is about, so that the same event for
 * the same subscription is logged and sent once however often a result or sweep is seen again.
 */
export function deliveryId(...parts: string[]): string {
  return `msg_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32)}`;
}

/** The BullMQ job id of a delivery's current round: a redelivery is a new job with the same `webhook-id`. */
export function deliveryJobId(delivery: Pick<WebhookDelivery, 'id' | 'redeliveries'>): string {
  return delivery.redeliveries === 0 ? delivery.id : `${delivery.id}__redelivery-${delivery.redeliveries}`;
}

export interface WebhookQueue {
  /** Queues the delivery's current round; adding the same round twice adds nothing. */
  enqueue(delivery: Pick<WebhookDelivery, 'id' | 'redeliveries'>): Promise<void>;
  close(): Promise<void>;
}

export function createWebhookQueue(config: QueueConfig, connection: ConnectionOptions): WebhookQueue {
  const queue = new Queue<DeliveryJobData>(WEBHOOK_DELIVERIES, { connection, prefix: config.queuePrefix });
  // Errors surface through enqueue's rejection; the listener keeps them from being unhandled.
  queue.on('error', () => undefined);
  return {
    async enqueue(delivery) {
      await queue.add(
        'deliver',
        { deliveryId: delivery.id },
        {
          jobId: deliveryJobId(delivery),
          attempts: DELIVERY_ATTEMPTS,
          backoff: { type: BACKOFF_TYPE },
          ...KEEP_FINISHED,
        },
      );
    },
    close: () => closeQueue(queue),
  };
}
