import { parentHomepageOf, type SiteContext } from '../inspection/site-context.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepRecord } from '../store/store.ts';

const PERIOD = /^(\d{4})(?:Q([1-4])|H([12]))$/;

/** The first instant of a sweep's period, Asia/Shanghai: '2026Q4' → 1 October 2026 00:00 (+08:00). */
export function periodStart(period: string): Date {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`Not a period: "${period}" (expected 2026Q4 or 2026H2)`);
  const [, year, quarter, half] = match;
  const month = quarter ? (Number(quarter) - 1) * 3 + 1 : half === '1' ? 1 : 7;
  return new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);
}

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
