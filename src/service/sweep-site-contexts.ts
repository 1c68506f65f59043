import { parentHomepageOf, type SiteContext } from '../inspection/site-context.ts';
import { periodStart } from '../periods/period-names.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepRecord } from '../store/store.ts';
import { type OfficeDictionary, siteWording } from '../wording/office-dictionary.ts';

/**
 * What the store knows of each site of a sweep, for its job: the homepage of its parent portal from
 * the whole registry, and its homepage's availability as the scheduled probes saw it from the start of
 * the sweep's period to the sweep's "now" (none when it was not probed then), and the offices' wording
 * entries with its exceptions as they stand at launch (the worker reads no store).
 */
export function storedSiteContexts(
  store: Pick<ResultsStore, 'sites' | 'probes' | 'wording'>,
): (sweep: SweepRecord, sites: readonly Site[]) => Promise<Map<string, SiteContext>> {
  return async (sweep, sites) => {
    const registry = await store.sites.list();
    const dictionary = await storedDictionary(store, sites);
    const window = { from: periodStart(sweep.period), to: new Date(sweep.now) };
    const availability = await store.probes.availability(
      sites.map((site) => site.id),
      window,
    );
    return new Map(
      sites.map((site) => {
        const parentHomepage = parentHomepageOf(site, registry);
        const probed = availability.get(site.id);
        const wording = siteWording(dictionary, site.id);
        const context: SiteContext = {
          ...(parentHomepage ? { parentHomepage } : {}),
          ...(probed ? { availability: probed } : {}),
          ...(wording ? { wording } : {}),
        };
        return [site.id, context];
      }),
    );
  };
}

/** The live entries, as the rule reads them, and the sites' exceptions. */
async function storedDictionary(
  store: Pick<ResultsStore, 'wording'>,
  sites: readonly Site[],
): Promise<OfficeDictionary> {
  const entries = (await store.wording.entries()).map(({ wrong, correct, category, grade }) => ({
    wrong,
    correct,
    category,
    grade,
  }));
  const exceptions = new Map<string, string[]>();
  for (const { siteId, text } of await store.wording.exceptions(sites.map((site) => site.id))) {
    exceptions.set(siteId, [...(exceptions.get(siteId) ?? []), text]);
  }
  return { entries, exceptions };
}
