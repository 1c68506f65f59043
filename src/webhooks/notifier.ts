import { regionContains } from '../access/region.ts';
import type { FindingAction } from '../adjudication/types.ts';
import type { Logger } from '../log.ts';
import { failFastConnection, type QueueConfig, workerConnection } from '../queue/queues.ts';
import type { OnResultStored } from '../queue/result-ingester.ts';
import type { SiteResult } from '../results.ts';
import type { ResultsStore, WebhookEventType } from '../store/store.ts';
import { createWebhookQueue, deliveryId, type WebhookQueue } from './delivery-queue.ts';
import { actionsMissingDeliveries, findingEvents } from './finding-events.ts';
import { sweepCompletedPayload, violationPayload } from './payloads.ts';
import { inSiteRegion, type PendingEvent, siteRefOf } from './pending-event.ts';
import { adjudicatedChanges, HISTORY_DEPTH, storedBefore } from './violation-changes.ts';

export interface WebhookNotifier {
  /** The result ingester's `onStored` hook. */
  onResultStored: OnResultStored;
  /**
   * The API's hook after appeals or decisions were stored: logs and queues their finding events.
   * Fails fast when Redis is away (the logged deliveries are queued again by the delivery worker).
   */
  onFindingActions(actions: readonly FindingAction[]): Promise<void>;
  /** Logs and queues the events of recent actions whose deliveries were never logged; how many actions. */
  recoverFindingEvents(): Promise<number>;
  close(): Promise<void>;
}

/** How far back lost finding events are looked for, and how often. */
export const FINDING_RECOVERY = { windowMs: 2 * 86_400_000, intervalMs: 10 * 60_000 };

/**
 * Turns stored results into webhook deliveries: `violation.detected` for each rule failing now, as
 * adjudicated, whose last decided outcome (pass/fail) in the site's results stored before this one,
 * adjudicated with the same decisions, was not a failure, `violation.resolved` for each rule passing
 * now whose last decided outcome was a failure (`review`, e.g. an unreachable site, and
 * `not-applicable` are neither), and `sweep.completed` once the sweep is done; and appeals and
 * decisions into `finding.appealed` / `finding.decided`, one per finding. Delivery ids are derived
 * from the event, so a result or an action seen twice sends nothing twice.
 */
export function createWebhookNotifier(options: {
  store: ResultsStore;
  queue: QueueConfig;
  log: Logger;
  now?: () => Date;
  /** Default FINDING_RECOVERY.intervalMs; the first pass runs at once. */
  recoveryIntervalMs?: number;
}): WebhookNotifier {
  const { store, log } = options;
  const now = options.now ?? (() => new Date());
  const queue = createWebhookQueue(options.queue, workerConnection(options.queue));
  // An API request must not wait for Redis to come back.
  const answeringQueue = createWebhookQueue(options.queue, failFastConnection(options.queue));

  async function resultEvents(sweepId: string, result: SiteResult): Promise<PendingEvent[]> {
    const sweep = await store.sweeps.get(sweepId);
    if (!sweep) return [];
    const siteRef = await siteRefOf(store, result.siteId, result);
    const history = await store.results.forSite(result.siteId, HISTORY_DEPTH + 1);
    // The result as stored, with its finding ids: decisions are found by them.
    const current = history.find((stored) => stored.sweepId === sweepId);
    const events: PendingEvent[] = [];
    if (current) {
      const earlier = storedBefore(sweepId, history);
      const actions = await store.adjudication.actionsForSites([result.siteId]);
      const change = adjudicatedChanges(current, earlier, actions);
      const at = now();
      const violation = (
        type: 'violation.detected' | 'violation.resolved',
        ruleId: string,
      ): PendingEvent => ({
        key: [sweepId, result.siteId, ruleId, type],
        payload: violationPayload(type, { sweep, site: siteRef, ruleId, ...currentAndPrevious(change), at }),
        matches: inSiteRegion(siteRef),
      });
      events.push(
        ...change.detected.map((ruleId) => violation('violation.detected', ruleId)),
        ...change.resolved.map((ruleId) => violation('violation.resolved', ruleId)),
      );
    } else {
      log.warn({ sweepId, siteId: result.siteId }, 'result not among the site’s latest: no violation events');
    }
    if (sweep.state === 'done') {
      const sites = await store.sites.list();
      const regions = sites.filter((s) => sweep.siteIds.includes(s.id)).map((s) => s.region);
      events.push({
        key: [sweepId, 'sweep.completed'],
        payload: sweepCompletedPayload(sweep, now()),
        matches: (subscription) =>
          subscription.region === null ||
          regions.some((region) => regionContains(subscription.region!, region)),
      });
    }
    return events;
  }

  async function send(events: readonly PendingEvent[], via: WebhookQueue, context: object): Promise<void> {
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
          await via.enqueue(delivery);
        log.info({ ...context, deliveryId: id, event: type, created }, 'webhook event');
      }
    }
  }

  async function raiseFindingEvents(actions: readonly FindingAction[], via: WebhookQueue): Promise<void> {
    const { events, unplaced } = await findingEvents(store, actions, now());
    for (const action of unplaced) {
      log.warn(
        { actionId: action.id, findingId: action.findingId },
        'finding event without its result: not sent',
      );
    }
    await send(events, via, { actions: actions.map((action) => action.id) });
  }

  async function recoverFindingEvents(): Promise<number> {
    const since = new Date(now().getTime() - FINDING_RECOVERY.windowMs);
    const missing = await actionsMissingDeliveries(store, await store.webhooks.list(), since);
    if (missing.length > 0) {
      log.warn(
        { actions: missing.map((action) => action.id) },
        'finding events not logged: raising them now',
      );
      await raiseFindingEvents(missing, queue);
    }
    return missing.length;
  }

  let recovering: Promise<unknown> = Promise.resolve();
  const recover = () => {
    recovering = recoverFindingEvents().catch((error: unknown) =>
      log.error({ err: error }, 'could not look for lost finding events'),
    );
  };
  recover();
  const timer = setInterval(recover, options.recoveryIntervalMs ?? FINDING_RECOVERY.intervalMs);
  timer.unref();

  return {
    async onResultStored(sweepId, result) {
      await send(await resultEvents(sweepId, result), queue, { sweepId, siteId: result.siteId });
    },
    onFindingActions: (actions) => raiseFindingEvents(actions, answeringQueue),
    recoverFindingEvents,
    async close() {
      clearInterval(timer);
      await recovering;
      await queue.close();
      await answeringQueue.close();
    },
  };
}

const currentAndPrevious = ({ current, previous }: ReturnType<typeof adjudicatedChanges>) => ({
  current,
  previous,
});
