import { regionContains } from '../access/region.ts';
import type { Logger } from '../log.ts';
import { type QueueConfig, workerConnection } from '../queue/queues.ts';
import type { OnResultStored } from '../queue/result-ingester.ts';
import type { SiteResult } from '../results.ts';
import type { ResultsStore, WebhookEventType, WebhookSubscription } from '../store/store.ts';
import { createWebhookQueue, deliveryId } from './delivery-queue.ts';
import { type SiteRef, sweepCompletedPayload, violationPayload, type WebhookPayload } from './payloads.ts';
import { HISTORY_DEPTH, storedBefore, violationChanges } from './violation-changes.ts';

export interface WebhookNotifier {
  /** The result ingester's `onStored` hook. */
  onResultStored: OnResultStored;
  close(): Promise<void>;
}

interface PendingEvent {
  /** The parts the delivery id is derived from, besides the subscription id. */
  key: string[];
  payload: WebhookPayload;
  /** Whether the subscription wants it by region (the site's, or any of the sweep's sites'). */
  matches(subscription: WebhookSubscription): boolean;
}

/**
 * Turns stored results into webhook deliveries: `violation.detected` for each rule failing now whose
 * last decided outcome (pass/fail) in the site's results stored before this one was not a failure,
 * `violation.resolved` for each rule passing now whose last decided outcome was a failure (`review`,
 * e.g. an unreachable site, and `not-applicable` are neither), and `sweep.completed` once the sweep
 * is done. Delivery ids
 * are derived from the event, so a result seen twice sends nothing twice.
 */
export function createWebhookNotifier(options: {
  store: ResultsStore;
  queue: QueueConfig;
  log: Logger;
  now?: () => Date;
}): WebhookNotifier {
  const { store, log } = options;
  const now = options.now ?? (() => new Date());
  const queue = createWebhookQueue(options.queue, workerConnection(options.queue));

  async function eventsFor(sweepId: string, result: SiteResult): Promise<PendingEvent[]> {
    const sweep = await store.sweeps.get(sweepId);
    if (!sweep) return [];
    const site = await store.sites.get(result.siteId);
    const siteRef: SiteRef = {
      id: result.siteId,
      name: site?.fullName ?? result.fullName,
      region: site?.region ?? null,
      homepage: site?.homepage ?? result.homepage,
    };
    const inSite = (subscription: WebhookSubscription) =>
      subscription.region === null ||
      (siteRef.region !== null && regionContains(subscription.region, siteRef.region));
    const history = await store.results.forSite(result.siteId, HISTORY_DEPTH + 1);
    const earlier = storedBefore(sweepId, history);
    const previous = earlier[0];
    const change = violationChanges(result, earlier);
    const at = now();
    const violation = (type: 'violation.detected' | 'violation.resolved', ruleId: string): PendingEvent => ({
      key: [sweepId, result.siteId, ruleId, type],
      payload: violationPayload(type, { sweep, site: siteRef, ruleId, current: result, previous, at }),
      matches: inSite,
    });
    const events = [
      ...change.detected.map((ruleId) => violation('violation.detected', ruleId)),
      ...change.resolved.map((ruleId) => violation('violation.resolved', ruleId)),
    ];
    if (sweep.state === 'done') {
      const sites = await store.sites.list();
      const regions = sites.filter((s) => sweep.siteIds.includes(s.id)).map((s) => s.region);
      events.push({
        key: [sweepId, 'sweep.completed'],
        payload: sweepCompletedPayload(sweep, at),
        matches: (subscription) =>
          subscription.region === null ||
          regions.some((region) => regionContains(subscription.region!, region)),
      });
    }
    return events;
  }

  return {
    async onResultStored(sweepId, result) {
      const events = await eventsFor(sweepId, result);
      if (events.length === 0) return;
      const subscriptions = await store.webhooks.list();
      for (const event of events) {
        const type: WebhookEventType = event.payload.type;
        for (const subscription of subscriptions) {
          if (!subscription.events.includes(type) || !event.matches(subscription)) continue;
          const id = deliveryId(...event.key, subscription.id);
          // Queued even when already logged: a crash between logging and queueing loses nothing,
          // and the deterministic job id keeps it from being queued twice.
          const created = await store.webhooks.recordDelivery({
            id,
            subscriptionId: subscription.id,
            eventType: type,
            payload: event.payload,
          });
          const delivery = created ? { id, redeliveries: 0 } : await store.webhooks.getDelivery(id);
          if (delivery && (created || ('state' in delivery && delivery.state === 'pending')))
            await queue.enqueue(delivery);
          log.info({ sweepId, siteId: result.siteId, deliveryId: id, event: type, created }, 'webhook event');
        }
      }
    },
    close: () => queue.close(),
  };
}
