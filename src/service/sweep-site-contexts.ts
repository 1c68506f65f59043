import { parentHomepageOf, type SiteContext } from '../inspection/site-context.ts';
import { periodStart } from '../periods/period-names.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepRecord } from '../store/store.ts';

/**
 * What the store knows of each site of a sweep, for its job: the homepage of its parent portal from
 * the whole registry, and its homepage's availability as the scheduled probes saw it from the start of
 * the sweep's period to the sweep's "now" (none when it was not probed then).
 */
export function storedSiteContexts(
  store: Pick<ResultsStore, 'sites' | 'probes'>,
): (sweep: SweepRecord, sites: readonly Site[]) => Promise<Map<string, SiteContext>> {
  return async (sweep, sites) => {
    const registry = await store.sites.list();
    const window = { from: periodStart(sweep.period), to: new Date(sweep.now) };
    const availability = await store.probes.availability(
      sites.map((site) => site.id),
      window,
    );
    return new Map(
      sites.map((site) => {
        const parentHomepage = parentHomepageOf(site, registry);
        const probed = availability.get(site.id);
        const context: SiteContext = {
          ...(parentHomepage ? { parentHomepage } : {}),
          ...(probed ? { availability: probed } : {}),
        };
        return [site.id, context];
      }),
    );
  };
}
