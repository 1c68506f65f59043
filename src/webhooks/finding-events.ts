import { adjudicateStored } from '../adjudication/adjudicated-view.ts';
import type { FindingAction } from '../adjudication/types.ts';
import type { ResultsStore, StoredResult, WebhookSubscription } from '../store/store.ts';
import { deliveryId } from './delivery-queue.ts';
import { findingEventPayload, findingEventType } from './finding-payloads.ts';
import { inSiteRegion, type PendingEvent, siteRefOf } from './pending-event.ts';
import { HISTORY_DEPTH } from './violation-changes.ts';

/** The delivery id parts of an action's event: one event per appeal or decision, whatever the batch. */
export const findingEventKey = (action: FindingAction): string[] => [action.id, findingEventType(action)];

/**
 * The `finding.appealed` / `finding.decided` events of actions just recorded: one per finding, with the
 * site's values read off the latest result of the action's period that holds the finding (else the
 * result the action was made on), adjudicated with everything on record. An action whose result is
 * gone altogether yields no event and is returned in `unplaced`.
 */
export async function findingEvents(
  store: ResultsStore,
  actions: readonly FindingAction[],
  at: Date,
): Promise<{ events: PendingEvent[]; unplaced: FindingAction[] }> {
  const events: PendingEvent[] = [];
  const unplaced: FindingAction[] = [];
  for (const siteActions of groupBy(actions, (action) => action.siteId).values()) {
    const siteId = siteActions[0]!.siteId;
    const site = await siteRefOf(store, siteId);
    const places = new Map<FindingAction, string>();
    const results = new Map<string, StoredResult>();
    for (const action of siteActions) {
      const stored = await resultOf(store, action);
      if (!stored) {
        unplaced.push(action);
        continue;
      }
      places.set(action, stored.sweepId);
      results.set(stored.sweepId, stored);
    }
    const adjudicated = new Map(
      (await adjudicateStored(store, [...results.values()])).map(
        (result) => [result.sweepId, result] as const,
      ),
    );
    for (const [action, sweepId] of places) {
      events.push({
        key: findingEventKey(action),
        payload: findingEventPayload({ action, site, stored: adjudicated.get(sweepId)!, at }),
        matches: inSiteRegion(site),
      });
    }
  }
  return { events, unplaced };
}

/**
 * The recent appeals and decisions (made since `since`) of which a subscription that wants their event,
 * existed when they were made and covers their site's region has no logged delivery: those whose
 * events were lost between storing the action and logging its deliveries (a crash, a database error).
 */
export async function actionsMissingDeliveries(
  store: ResultsStore,
  subscriptions: readonly WebhookSubscription[],
  since: Date,
): Promise<FindingAction[]> {
  const wanting = subscriptions.filter(
    (s) => s.events.includes('finding.appealed') || s.events.includes('finding.decided'),
  );
  if (wanting.length === 0) return [];
  const sites = new Map((await store.sites.list()).map((site) => [site.id, site] as const));
  const recent = (await store.adjudication.actionsForSites([...sites.keys()])).filter(
    (action) => Date.parse(action.when) >= since.getTime(),
  );
  const missing: FindingAction[] = [];
  for (const action of recent) {
    const region = sites.get(action.siteId)?.region ?? null;
    const matches = inSiteRegion({ id: action.siteId, name: '', region, homepage: '' });
    for (const subscription of wanting) {
      if (!subscription.events.includes(findingEventType(action)) || !matches(subscription)) continue;
      if (Date.parse(subscription.createdAt) > Date.parse(action.when)) continue;
      if (await store.webhooks.getDelivery(deliveryId(...findingEventKey(action), subscription.id))) continue;
      missing.push(action);
      break;
    }
  }
  return missing;
}

async function resultOf(store: ResultsStore, action: FindingAction): Promise<StoredResult | undefined> {
  const located = await store.adjudication.locate(action.findingId, action.period);
  if (located) return located.stored;
  const history = await store.results.forSite(action.siteId, HISTORY_DEPTH + 1);
  return history.find((stored) => stored.sweepId === action.sweepId);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
