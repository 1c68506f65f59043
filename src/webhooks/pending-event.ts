import { regionContains } from '../access/region.ts';
import type { ResultsStore, WebhookSubscription } from '../store/store.ts';
import type { SiteRef, WebhookPayload } from './payloads.ts';

/** An event about to be logged and queued for each subscription that wants it. */
export interface PendingEvent {
  /** The parts the delivery id is derived from, besides the subscription id. */
  key: string[];
  payload: WebhookPayload;
  /** Whether the subscription wants it by region (the site's, or any of the sweep's sites'). */
  matches(subscription: WebhookSubscription): boolean;
}

/** A site as events name it: from the registry, else from what the result says of it. */
export async function siteRefOf(
  store: ResultsStore,
  siteId: string,
  fallback: { fullName?: string; homepage?: string } = {},
): Promise<SiteRef> {
  const site = await store.sites.get(siteId);
  return {
    id: siteId,
    name: site?.fullName ?? fallback.fullName ?? siteId,
    region: site?.region ?? null,
    homepage: site?.homepage ?? fallback.homepage ?? '',
  };
}

/** A subscription for every site, or for a region holding the site (a site no longer registered: none). */
export const inSiteRegion =
  (site: SiteRef) =>
  (subscription: WebhookSubscription): boolean =>
    subscription.region === null ||
    (site.region !== null && regionContains(subscription.region, site.region));
